'use strict';

// Builds a small sales report in about 2.5 seconds.
exports.handler = async (event) => {
  const region = (event && event.region) || 'all';
  console.log(`Building the report for region ${region}`);
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const rows = [
    { product: 'Widget', units: 120, revenue: 2400 },
    { product: 'Gadget', units: 75, revenue: 3375 },
    { product: 'Gizmo', units: 42, revenue: 1680 },
  ];
  const totals = rows.reduce((t, r) => ({ units: t.units + r.units, revenue: t.revenue + r.revenue }), { units: 0, revenue: 0 });
  console.log(`Report ready: ${rows.length} rows`);
  return { reportId: `report-${region}-2026-01`, region, generatedAt: new Date().toISOString(), rows, totals };
};
