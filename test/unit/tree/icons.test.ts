import * as assert from 'node:assert/strict';
import { isTransitionalState } from '../../../src/shared/mappingStates';
import { functionStateIcon, mappingStateIcon } from '../../../src/tree/model/icons';

describe('tree/model/icons', () => {
  it('mapping states: Enabled green pass, Disabled circle-slash, transitions spin, Deleting trash', () => {
    assert.deepEqual(mappingStateIcon('Enabled'), { id: 'pass', color: 'charts.green' });
    assert.deepEqual(mappingStateIcon('Disabled'), { id: 'circle-slash' });
    for (const s of ['Creating', 'Updating', 'Enabling', 'Disabling']) {
      assert.deepEqual(mappingStateIcon(s), { id: 'sync~spin' }, s);
      assert.equal(isTransitionalState(s), true);
    }
    assert.deepEqual(mappingStateIcon('Deleting'), { id: 'trash' });
    assert.deepEqual(mappingStateIcon(undefined), { id: 'question' });
    assert.equal(isTransitionalState('Enabled'), false);
  });

  it('function states', () => {
    assert.equal(functionStateIcon('Active').id, 'symbol-function');
    assert.equal(functionStateIcon(undefined).id, 'symbol-function');
    assert.equal(functionStateIcon('Failed').id, 'error');
    assert.equal(functionStateIcon('Active', 'Failed').id, 'error');
    assert.equal(functionStateIcon('Pending').id, 'sync~spin');
    assert.equal(functionStateIcon('Inactive').id, 'debug-pause');
  });
});
