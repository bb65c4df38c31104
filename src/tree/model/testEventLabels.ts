/** Texts of the "Test events" group of a function: shareable events and paired payload files. Pure. */
import { t } from '../../shared/l10n';
import { escapeMarkdownText } from './labels';

export function testEventsGroupLabel(): string {
  return t('Test events');
}

export function noTestEventsText(): string {
  return t('No test events: save a payload file as a shareable test event');
}

export function testEventsFailureText(): string {
  return t('Could not read the shareable test events');
}

/** `shared · Event` — where the event lives and how it is invoked. */
export function testEventDescription(invocationType: string): string {
  return invocationType === 'Event' ? t('shared · Event (asynchronous)') : t('shared · RequestResponse');
}

export function testEventTooltip(name: string, functionName: string, invocationType: string, bytes: number): string {
  return [
    `**${escapeMarkdownText(name)}**`,
    escapeMarkdownText(t('Shareable test event of {0} (Lambda console, registry lambda-testevent-schemas)', functionName)),
    escapeMarkdownText(t('Invocation type: {0}', invocationType)),
    escapeMarkdownText(t('Size: {0} bytes', bytes)),
    escapeMarkdownText(t('Click to invoke the function with this event.')),
  ].join('\n\n');
}

export function payloadFileDescription(): string {
  return t('workspace file');
}

export function payloadFileTooltip(label: string, functionName: string): string {
  return [`**${escapeMarkdownText(label)}**`, escapeMarkdownText(t('Payload file of this workspace paired with {0}. Click to invoke.', functionName))].join('\n\n');
}
