import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { centreOn, fitView, panBy, screenToWorld, worldToScreen, zoomAround } from './graph-view.ts';

describe('zoomAround', () => {
  it('keeps the world point under the cursor in place', () => {
    const view = { scale: 1, offsetX: 10, offsetY: 20 };
    const before = screenToWorld(view, 300, 200);
    const zoomed = zoomAround(view, 2, 300, 200);
    assert.equal(zoomed.scale, 2);
    const after = worldToScreen(zoomed, before.x, before.y);
    assert.ok(Math.abs(after.x - 300) < 1e-9 && Math.abs(after.y - 200) < 1e-9);
  });

  it('clamps the scale', () => {
    assert.equal(zoomAround({ scale: 1, offsetX: 0, offsetY: 0 }, 1000, 0, 0).scale, 4);
    assert.equal(zoomAround({ scale: 1, offsetX: 0, offsetY: 0 }, 0.0001, 0, 0).scale, 0.02);
  });

  it('pans by screen pixels', () => {
    assert.deepEqual(panBy({ scale: 2, offsetX: 1, offsetY: 1 }, 5, -5), {
      scale: 2,
      offsetX: 6,
      offsetY: -4,
    });
  });
});

describe('fitView', () => {
  it('shrinks a large graph to fit and centres it', () => {
    const view = fitView({ width: 2000, height: 500 }, { width: 1048, height: 600 }, 24);
    assert.equal(view.scale, 0.5);
    assert.equal(view.offsetX, 24);
    assert.equal(view.offsetY, (600 - 250) / 2);
  });

  it('never enlarges a small graph past 1:1', () => {
    const view = fitView({ width: 100, height: 50 }, { width: 800, height: 600 });
    assert.equal(view.scale, 1);
    assert.equal(view.offsetX, 350);
  });
});

describe('centreOn', () => {
  it('puts the world point in the middle of the viewport', () => {
    const view = centreOn({ width: 800, height: 600 }, 1000, 2000, 0.5);
    const middle = worldToScreen(view, 1000, 2000);
    assert.deepEqual(middle, { x: 400, y: 300 });
    assert.equal(view.scale, 0.5);
  });
});
