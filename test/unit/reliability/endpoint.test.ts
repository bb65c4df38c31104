/** The endpoint checks (src/shared/endpoint.ts): which endpoints count as this machine, and which get the warning. */
import * as assert from 'node:assert/strict';
import { customEndpointInUse, isLoopbackEndpoint, needsInsecureEndpointWarning } from '../../../src/shared/endpoint';

describe('Reliability: endpoint checks', () => {
  describe('isLoopbackEndpoint', () => {
    const loopback = [
      'http://127.0.0.1:4599',
      'http://127.0.0.1',
      'http://127.1.2.3:8080/',
      'http://127.255.255.254',
      'http://localhost:4566',
      'http://LOCALHOST:4566',
      'http://api.localhost:4566',
      'http://[::1]:4599',
      'http://[0:0:0:0:0:0:0:1]:4599',
      'https://localhost',
    ];
    const notLoopback = [
      'http://10.0.0.5:4566',
      'http://10.1.2.3',
      'http://192.168.1.10:4566',
      'http://172.16.0.1',
      'http://0.0.0.0:4566',
      'http://example.com',
      'http://example.com:4566/',
      'http://127.0.0.1.example.com',
      'http://localhost.example.com',
      'http://notlocalhost',
      'http://[::2]:4599',
      'http://[fe80::1]',
      'localhost:4566',
      'not a url',
      '',
    ];
    for (const e of loopback) {
      it(`${e} → loopback`, () => assert.equal(isLoopbackEndpoint(e), true));
    }
    for (const e of notLoopback) {
      it(`${JSON.stringify(e)} → not loopback`, () => assert.equal(isLoopbackEndpoint(e), false));
    }
  });

  describe('needsInsecureEndpointWarning (the warning of a non-HTTPS endpoint off this machine)', () => {
    const warn = ['http://example.com', 'http://10.0.0.5:4566', 'http://192.168.1.10:4566', 'http://0.0.0.0:4566', 'example.com:4566', 'not a url'];
    const quiet = ['https://example.com', 'HTTPS://lambda.eu-west-1.amazonaws.com', 'https://10.0.0.5:4566', 'http://127.0.0.1:4599', 'http://localhost:4566', 'http://[::1]:4599', ' http://127.0.0.1:4599 '];
    for (const e of warn) {
      it(`${JSON.stringify(e)} → warning`, () => assert.equal(needsInsecureEndpointWarning(e), true));
    }
    for (const e of quiet) {
      it(`${JSON.stringify(e)} → no warning`, () => assert.equal(needsInsecureEndpointWarning(e), false));
    }
  });

  describe('customEndpointInUse (no AWS console links for it)', () => {
    it('the setting first, then AWS_ENDPOINT_URL_LAMBDA, then AWS_ENDPOINT_URL', () => {
      assert.equal(customEndpointInUse('http://localhost:5000', { AWS_ENDPOINT_URL_LAMBDA: 'http://x:1' }), 'http://localhost:5000');
      assert.equal(customEndpointInUse(undefined, { AWS_ENDPOINT_URL_LAMBDA: 'http://x:1', AWS_ENDPOINT_URL: 'http://y:2' }), 'http://x:1');
      assert.equal(customEndpointInUse('  ', { AWS_ENDPOINT_URL: 'http://y:2' }), 'http://y:2');
    });
    it('none: AWS itself', () => {
      assert.equal(customEndpointInUse(undefined, {}), undefined);
      assert.equal(customEndpointInUse('', { AWS_ENDPOINT_URL: '' }), undefined);
    });
  });
});
