/**
 * The request shapes of the Lambda client we ship, read from its type declarations
 * (node_modules/@aws-sdk/client-lambda/dist-types/models/*.d.ts) with the TypeScript compiler
 * API: exported interfaces and their members (optional or required, element types of arrays),
 * and the enum objects (`export declare const X: { readonly K: "V"; … }`) with their values.
 * A type the reader does not know makes it throw, so a new kind of member cannot slip by.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

export type SdkType =
  | { kind: 'string' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'timestamp' }
  | { kind: 'blob' }
  | { kind: 'document' }
  | { kind: 'map'; value: SdkType }
  | { kind: 'enum'; name: string; values: string[] }
  | { kind: 'structure'; name: string }
  | { kind: 'list'; member: SdkType }
  | { kind: 'unreadable'; reason: string };

export interface SdkMember {
  name: string;
  /** False for members declared without `?` (`UUID: string | undefined`): the request needs them. */
  optional: boolean;
  type: SdkType;
}

export interface SdkModel {
  /** The package version, e.g. 3.1164.0. */
  version: string;
  structures: Map<string, SdkMember[]>;
  enums: Map<string, string[]>;
}

/** The folder of the installed @aws-sdk/client-lambda. */
export function lambdaClientDir(): string {
  return path.dirname(path.dirname(require.resolve('@aws-sdk/client-lambda')));
}

function enumValues(decl: ts.VariableDeclaration): string[] | undefined {
  const type = decl.type;
  if (!type || !ts.isTypeLiteralNode(type)) {
    return undefined;
  }
  const values: string[] = [];
  for (const m of type.members) {
    if (!ts.isPropertySignature(m) || !m.type || !ts.isLiteralTypeNode(m.type) || !ts.isStringLiteral(m.type.literal)) {
      return undefined;
    }
    values.push(m.type.literal.text);
  }
  return values;
}

/** Reads every .d.ts of dist-types/models (interfaces and enum objects). */
export function loadSdkModel(dir = lambdaClientDir()): SdkModel {
  const modelsDir = path.join(dir, 'dist-types', 'models');
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  const enums = new Map<string, string[]>();
  for (const file of fs.readdirSync(modelsDir).filter((f) => f.endsWith('.d.ts')).sort()) {
    const sf = ts.createSourceFile(file, fs.readFileSync(path.join(modelsDir, file), 'utf8'), ts.ScriptTarget.Latest, true);
    for (const stmt of sf.statements) {
      if (ts.isInterfaceDeclaration(stmt)) {
        interfaces.set(stmt.name.text, stmt);
      } else if (ts.isVariableStatement(stmt)) {
        for (const decl of stmt.declarationList.declarations) {
          const values = ts.isIdentifier(decl.name) ? enumValues(decl) : undefined;
          if (values && ts.isIdentifier(decl.name)) {
            enums.set(decl.name.text, values);
          }
        }
      }
    }
  }
  const resolve = (node: ts.TypeNode, where: string): SdkType => {
    if (ts.isUnionTypeNode(node)) {
      const rest = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
      if (rest.length === 1) {
        return resolve(rest[0], where);
      }
      if (rest.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) {
        return { kind: 'enum', name: where, values: rest.map((t) => ((t as ts.LiteralTypeNode).literal as ts.StringLiteral).text) };
      }
      throw new Error(`${where}: a union the reader does not know: ${node.getText()}`);
    }
    if (ts.isParenthesizedTypeNode(node)) {
      return resolve(node.type, where);
    }
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return { kind: 'string' };
      case ts.SyntaxKind.NumberKeyword:
        return { kind: 'number' };
      case ts.SyntaxKind.BooleanKeyword:
        return { kind: 'boolean' };
      default:
        break;
    }
    if (ts.isArrayTypeNode(node)) {
      return { kind: 'list', member: resolve(node.elementType, `${where}[]`) };
    }
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText();
      if (name === 'Date') {
        return { kind: 'timestamp' };
      }
      if (name === 'Uint8Array') {
        return { kind: 'blob' };
      }
      if (name === '__DocumentType') {
        return { kind: 'document' };
      }
      if (name === 'Record' && node.typeArguments?.length === 2) {
        return { kind: 'map', value: resolve(node.typeArguments[1], `${where}{}`) };
      }
      const values = enums.get(name);
      if (values) {
        return { kind: 'enum', name, values };
      }
      if (interfaces.has(name)) {
        return { kind: 'structure', name };
      }
    }
    throw new Error(`${where}: a type the reader does not know: ${node.getText()}`);
  };
  const structures = new Map<string, SdkMember[]>();
  for (const [name, decl] of interfaces) {
    const members: SdkMember[] = [];
    for (const m of decl.members) {
      if (ts.isPropertySignature(m) && m.type) {
        const where = `${name}.${m.name.getText()}`;
        let type: SdkType;
        try {
          type = resolve(m.type, where);
        } catch (err) {
          // Shapes of other operations may hold types this reader has no use for; a request
          // that reaches one fails in memberPaths.
          type = { kind: 'unreadable', reason: (err as Error).message };
        }
        members.push({ name: m.name.getText(), optional: !!m.questionToken, type });
      }
    }
    structures.set(name, members);
  }
  const version = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  return { version, structures, enums };
}

/** One member of a request, nested ones included: `SchemaRegistryConfig.AccessConfigs[].Type`. */
export interface MemberPath {
  /** Property names, `[]` for the element of a list. */
  segments: string[];
  member: SdkMember;
  /** The member's type with lists unwrapped to their element type. */
  leaf: SdkType;
}

export const formatMemberPath = (segments: string[]): string => segments.join('.').replace(/\.\[\]/g, '[]');

/** Every member reachable from a structure, depth first in declaration order. */
export function memberPaths(model: SdkModel, structure: string, prefix: string[] = [], seen: string[] = []): MemberPath[] {
  const members = model.structures.get(structure);
  if (!members) {
    throw new Error(`${structure} is not a structure of @aws-sdk/client-lambda ${model.version}`);
  }
  if (seen.includes(structure)) {
    return [];
  }
  const out: MemberPath[] = [];
  for (const member of members) {
    const segments = [...prefix, member.name];
    let leaf = member.type;
    while (leaf.kind === 'list') {
      segments.push('[]');
      leaf = leaf.member;
    }
    if (leaf.kind === 'unreadable') {
      throw new Error(leaf.reason);
    }
    out.push({ segments: [...prefix, member.name], member, leaf });
    if (leaf.kind === 'structure') {
      out.push(...memberPaths(model, leaf.name, segments, [...seen, structure]));
    }
  }
  return out;
}
