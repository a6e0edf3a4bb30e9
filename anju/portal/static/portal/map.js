/* 地图找房: public estates with vacant units on an offline Leaflet map (local assets, optional
 * in-network tiles, district outlines from load_boundaries). Configuration in data-* (CSP: no inline script). */
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function popup(point) {
    var box = el("div");
    box.appendChild(el("div", "fw-semibold", point.name));
    if (point.district || point.address) { box.appendChild(el("div", "small text-body-secondary", [point.district, point.address].filter(Boolean).join(" · "))); }
    box.appendChild(el("div", "small", "可配租房源 " + point.allocatable_units + " 套"));
    var more = el("a", "small", "查看房源信息");
    more.href = point.url;
    box.appendChild(more);
    return box;
  }

  function init(node) {
    var status = document.getElementById("portal-map-status");
    if (typeof L === "undefined") { if (status) { status.textContent = "地图组件未加载。"; } return; }
    var centre = (node.dataset.centre || "33.86,115.78").split(",").map(Number);
    var map = L.map(node, { minZoom: 5, maxZoom: 18 }).setView(centre, 9);
    map.attributionControl.setPrefix("Leaflet");
    if (node.dataset.tileUrl) {
      L.tileLayer(node.dataset.tileUrl, { maxZoom: 19, attribution: node.dataset.tileAttribution || "" }).addTo(map);
    } else {
      node.classList.add("portal-map-plain");
    }
    var icon = L.divIcon({ className: "portal-marker", html: "<span>房</span>", iconSize: [28, 28] });
    var fitted = false;
    if (node.dataset.boundariesUrl) fetch(node.dataset.boundariesUrl, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (data) {
      if (!data.features || !data.features.length) { return; }
      var layer = L.geoJSON(data, {
        style: function () { return { color: "#3d6fb6", weight: 1.5, fillColor: "#e8eef8", fillOpacity: 0.35 }; },
        onEachFeature: function (feature, featureLayer) {
          featureLayer.bindTooltip(feature.properties.name, { permanent: true, direction: "center", className: "portal-district-label" });
        }
      }).addTo(map);
      layer.bringToBack();
      if (!fitted) { map.fitBounds(layer.getBounds()); }
    }).catch(function () { /* outlines are optional */ });
    fetch(node.dataset.pointsUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var bounds = [];
        var list = document.getElementById("portal-map-list");
        data.points.forEach(function (point) {
          var marker = L.marker([point.latitude, point.longitude], { icon: icon, title: point.name, keyboard: true });
          marker.bindPopup(popup(point));
          marker.addTo(map);
          bounds.push([point.latitude, point.longitude]);
          if (list) {
            var item = el("li", "list-group-item");
            var button = el("button", "btn btn-link p-0 text-start", point.name + "（可配租 " + point.allocatable_units + " 套）");
            button.type = "button";
            button.addEventListener("click", function () { map.setView([point.latitude, point.longitude], 15); marker.openPopup(); });
            item.appendChild(button);
            list.appendChild(item);
          }
        });
        if (status) { status.textContent = bounds.length ? "地图上共 " + bounds.length + " 个有可配租房源的项目。" : "暂无可在地图上显示的房源。"; }
        if (bounds.length) { map.fitBounds(bounds, { maxZoom: 15, padding: [30, 30] }); fitted = true; }
      })
      .catch(function () { if (status) { status.textContent = "地图数据加载失败，请刷新重试。"; } });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var node = document.getElementById("portal-map");
    if (node) { init(node); }
  });
})();
