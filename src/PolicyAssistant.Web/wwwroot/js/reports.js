// Draws the report charts with the vendored ECharts; the data comes in the chart element's data-chart attribute
// (the site's Content-Security-Policy allows no inline script).
(function () {
    var source = document.getElementById('figure-chart');
    if (!source || typeof echarts === 'undefined') {
        return;
    }

    var data = JSON.parse(source.getAttribute('data-chart') || '{}');
    var figures = data.figures || [];
    echarts.init(source, null, { renderer: 'svg' }).setOption({
        tooltip: { trigger: 'axis' },
        legend: { data: ['实际', '目标'] },
        grid: { left: 40, right: 20, bottom: 80 },
        xAxis: { type: 'category', data: figures.map(function (f) { return f.name; }), axisLabel: { interval: 0, rotate: 20 } },
        yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        series: [
            { name: '实际', type: 'bar', data: figures.map(function (f) { return f.value; }) },
            { name: '目标', type: 'bar', data: figures.map(function (f) { return f.target; }) }
        ]
    });

    var daily = document.getElementById('daily-chart');
    var days = data.days || [];
    if (daily && days.length > 0) {
        echarts.init(daily, null, { renderer: 'svg' }).setOption({
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: days.map(function (d) { return d.day; }) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ name: '消息数', type: 'line', data: days.map(function (d) { return d.count; }) }]
        });
    }
})();
