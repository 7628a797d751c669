import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReportedActivity, type Use } from './activity.ts';

describe("the proxy thread's reports of use", () => {
  it('tells the first use at once, then each instance’s latest use of a period in one report', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const reports: Use[][] = [];
    const activity = new ReportedActivity((uses) => reports.push(uses), 250);
    activity.touch('team-a', 'nb', 1000);
    assert.deepEqual(reports, [[{ namespace: 'team-a', name: 'nb', at: 1000 }]]);
    activity.touch('team-a', 'nb', 1100);
    activity.touch('team-b', 'api', 1150);
    activity.touch('team-a', 'nb', 1200);
    assert.equal(reports.length, 1, 'nothing more before the period ends');
    assert.equal(activity.lastRequestAt('team-a', 'nb'), 1200, 'noted here at once');
    t.mock.timers.tick(250);
    assert.deepEqual(reports[1], [
      { namespace: 'team-a', name: 'nb', at: 1200 },
      { namespace: 'team-b', name: 'api', at: 1150 },
    ]);
    // A quiet period ends the reporting; the next use is told at once again.
    t.mock.timers.tick(250);
    assert.equal(reports.length, 2);
    activity.touch('team-b', 'api', 2000);
    assert.deepEqual(reports[2], [{ namespace: 'team-b', name: 'api', at: 2000 }]);
  });
});
