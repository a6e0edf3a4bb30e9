/* 建设项目地图 (3.4.4): projects and their units (空置 by default, or the chosen 住房状态), clustered, with district boundaries;
 * a district user's own district outline is highlighted and fitted.
 * Configuration comes from data-* attributes of #housing-map (CSP: no inline script). */
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function link(href, text) {
    var a = el("a", "", text);
    a.href = href;
    return a;
  }

  function projectPopup(project) {
    var box = el("div", "housing-map-popup");
    box.appendChild(el("div", "fw-semibold", project.name));
    box.appendChild(el("div", "small text-body-secondary", project.number + " · " + project.kind_label + " · " + project.district_name));
    box.appendChild(el("div", "small", "住房 " + project.unit_count + " 套，空置 " + project.vacant_count + " 套" +
      (project.matching_label && project.matching_label !== "空置" ? "，" + project.matching_label + " " + project.matching_count + " 套" : "")));
    if (project.buildings.length) {
      var list = el("ul", "list-unstyled mb-0 mt-1 small");
      project.buildings.forEach(function (b) {
        var item = el("li");
        item.appendChild(link(b.grid_url, b.name + " 楼盘表"));
        item.appendChild(document.createTextNode("（空置 " + b.vacant_count + " 套" +
          (b.matching_label && b.matching_label !== "空置" ? "，" + b.matching_label + " " + b.matching_count + " 套" : "") + "）"));
        list.appendChild(item);
      });
      box.appendChild(list);
    } else {
      box.appendChild(el("div", "small text-body-secondary", "尚无单体工程"));
    }
    if (project.url) {
      var more = el("div", "small mt-1");
      more.appendChild(link(project.url, "项目详情"));
      box.appendChild(more);
    }
    return box;
  }

  function unitPopup(unit) {
    var box = el("div", "housing-map-popup");
    box.appendChild(el("div", "fw-semibold", unit.label));
    box.appendChild(el("div", "small text-body-secondary", unit.project_name));
    box.appendChild(el("div", "small", (unit.state_label || "") + " · " + (unit.layout_label || "") + (unit.floor_area ? " · " + unit.floor_area + " ㎡" : "")));
    var links = el("div", "small mt-1");
    links.appendChild(link(unit.url, "一房一档"));
    links.appendChild(document.createTextNode(" · "));
    links.appendChild(link(unit.grid_url, "楼盘表"));
    box.appendChild(links);
    return box;
  }

  function init(node) {
    if (typeof L === "undefined") { return; }
    var centre = (node.dataset.centre || "33.86,115.78").split(",").map(Number);
    var map = L.map(node, { zoomControl: true, attributionControl: true, minZoom: 5, maxZoom: 18 }).setView(centre, 9);
    map.attributionControl.setPrefix("Leaflet");
    if (node.dataset.tileUrl) {
      L.tileLayer(node.dataset.tileUrl, { maxZoom: 19, attribution: node.dataset.tileAttribution || "" }).addTo(map);
    } else {
      node.classList.add("housing-map-plain");
    }
    var status = document.getElementById("housing-map-status");
    var projectIcon = L.divIcon({ className: "housing-marker housing-marker-project", html: "<span>项</span>", iconSize: [26, 26] });
    var stateMarks = { vacant: "空", delivered: "交", allocated: "配", occupied: "住", maintenance: "修", locked: "锁", undelivered: "未" };
    var unitIcons = {};
    function unitIcon(state) {
      if (!unitIcons[state]) {
        unitIcons[state] = L.divIcon({ className: "housing-marker housing-marker-unit", html: "<span>" + (stateMarks[state] || "房") + "</span>", iconSize: [22, 22] });
      }
      return unitIcons[state];
    }
    var focus = node.dataset.focusDistrict || "";
    var fittedToOutline = false;
    var clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 });
    map.addLayer(clusters);
    var fitted = false;

    if (node.dataset.boundariesUrl) {
      fetch(node.dataset.boundariesUrl, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error("no boundaries"); }
        return response.json();
      }).then(function (data) {
        if (data.loaded === false || !data.features.length) { throw new Error("boundaries not loaded"); }
        var focusLayers = [];
        var layer = L.geoJSON(data, {
          style: function (feature) {
            if (focus && feature.properties.code === focus) {
              return { color: "#0d47a1", weight: 3, fillColor: "#d6e4fa", fillOpacity: 0.45, className: "housing-district-focus" };
            }
            return { color: "#3d6fb6", weight: 1.5, fillColor: "#e8eef8", fillOpacity: focus ? 0.15 : 0.35, className: "housing-district" };
          },
          onEachFeature: function (feature, featureLayer) {
            featureLayer.bindTooltip(feature.properties.name, { permanent: true, direction: "center", className: "housing-district-label" });
            if (focus && feature.properties.code === focus) { focusLayers.push(featureLayer); }
          }
        }).addTo(map);
        layer.bringToBack();
        if (focusLayers.length) {
          // a district user opens the map on their own district's outline
          map.fitBounds(L.featureGroup(focusLayers).getBounds(), { padding: [10, 10] });
          fittedToOutline = true;
        } else if (!fitted) {
          map.fitBounds(layer.getBounds());
        }
      }).catch(function () {
        var hint = document.getElementById("housing-map-boundary-missing");
        if (hint) { hint.classList.remove("d-none"); }
      });
    }

    var firstLoad = true;

    function load() {
      var form = document.getElementById("housing-map-filter");
      var params = new URLSearchParams(new FormData(form));
      if (status) { status.textContent = "正在加载…"; }
      fetch(node.dataset.pointsUrl + "?" + params.toString(), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          clusters.clearLayers();
          var bounds = [];
          data.projects.forEach(function (project) {
            if (project.lat === null || project.lng === null) { return; }
            var marker = L.marker([project.lat, project.lng], { icon: projectIcon, title: project.name });
            marker.bindPopup(projectPopup(project));
            clusters.addLayer(marker);
            bounds.push([project.lat, project.lng]);
          });
          data.projects.forEach(function (project) {
            project.matching_label = data.units_label;
            project.buildings.forEach(function (b) { b.matching_label = data.units_label; });
          });
          data.units.forEach(function (unit) {
            if (unit.lat === null || unit.lng === null) { return; }
            var marker = L.marker([unit.lat, unit.lng], { icon: unitIcon(unit.state), title: unit.label });
            marker.bindPopup(unitPopup(unit));
            clusters.addLayer(marker);
          });
          if (status) {
            status.textContent = "项目 " + data.projects.length + " 个（地图上 " + bounds.length + " 个有坐标），" + data.units_label + "住房 " +
              data.units.length + " 套" + (data.truncated ? "（仅显示前 " + data.units.length + " 套）" : "") + "。";
          }
          // the first load keeps a district user's own outline in view; later filter changes fit the results
          if (bounds.length && !(firstLoad && fittedToOutline)) { map.fitBounds(bounds, { maxZoom: 15, padding: [30, 30] }); fitted = true; }
          firstLoad = false;
        })
        .catch(function () { if (status) { status.textContent = "地图数据加载失败，请刷新重试。"; } });
    }

    var form = document.getElementById("housing-map-filter");
    if (form) {
      form.addEventListener("submit", function (event) { event.preventDefault(); load(); });
      form.addEventListener("change", function () { load(); });
    }
    load();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var node = document.getElementById("housing-map");
    if (node) { init(node); }
  });
})();
