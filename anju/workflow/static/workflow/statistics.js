// 业务流程统计图表：读取页面中的 JSON 数据块（type="application/json"，不执行），用 ECharts 绘制。
(function () {
  "use strict";
  var block = document.getElementById("workflow-chart-data");
  if (!block || typeof echarts === "undefined") { return; }
  var data = JSON.parse(block.textContent);
  document.querySelectorAll(".wf-chart").forEach(function (element) {
    var series = data[element.getAttribute("data-chart")];
    if (!series || !series.labels.length) { element.classList.add("d-none"); return; }
    element.classList.add("wf-chart--drawn");
    var chart = echarts.init(element);
    chart.setOption({
      title: { text: element.getAttribute("data-title"), textStyle: { fontSize: 13 } },
      tooltip: { trigger: "axis" },
      legend: { top: 0, right: 0 },
      grid: { left: 50, right: 50, bottom: 60, top: 40 },
      xAxis: { type: "category", data: series.labels, axisLabel: { interval: 0, rotate: series.labels.length > 4 ? 30 : 0 } },
      yAxis: [{ type: "value", name: "小时" }, { type: "value", name: "%", max: 100 }],
      series: [
        { name: "中位时长", type: "bar", data: series.median },
        { name: "90 分位时长", type: "bar", data: series.p90 },
        { name: "超期率", type: "line", yAxisIndex: 1, data: series.overdue_rate }
      ]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
