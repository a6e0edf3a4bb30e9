// 供需监测图表：读取页面中的 JSON 数据块（type="application/json"，不执行），用 ECharts 绘制分组柱状图。
(function () {
  "use strict";
  var block = document.getElementById("allocation-chart-data");
  if (!block || typeof echarts === "undefined") { return; }
  var data = JSON.parse(block.textContent);
  document.querySelectorAll(".alloc-chart").forEach(function (element) {
    var chartData = data[element.getAttribute("data-chart")];
    if (!chartData || !chartData.labels.length) { element.classList.add("d-none"); return; }
    var chart = echarts.init(element);
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: { top: 0, type: "scroll" },
      grid: { left: 50, right: 20, bottom: 50, top: 40 },
      xAxis: { type: "category", data: chartData.labels, axisLabel: { interval: 0, rotate: chartData.labels.length > 5 ? 30 : 0 } },
      yAxis: { type: "value" },
      series: chartData.series.map(function (s) { return { name: s.name, type: "bar", data: s.data }; })
    });
    element.setAttribute("data-drawn", "1");
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
