/*
 * Projects map (council module). An enhancement only: without JavaScript, or when Leaflet or the tiles fail to load,
 * the page's list of projects with their links is the content. Markers are vector circles (no marker images to fetch);
 * popups are built with textContent, never from HTML in the data.
 */
(function () {
  'use strict';
  var el = document.getElementById('project-map');
  if (!el || typeof window.L === 'undefined') {
    return;
  }
  var L = window.L;
  var ar = document.documentElement.lang === 'ar';
  var colours = { PLANNED: '#505a5f', IN_PROGRESS: '#1d70b8', SUSPENDED: '#b45309', COMPLETED: '#00703c', CANCELLED: '#8b0000' };

  el.classList.add('project-map-on');
  var map = L.map(el, { scrollWheelZoom: false }).setView([30.4703, -8.877], 13);
  // The credit names the library and the tiles' licence only; Leaflet's default prefix adds a flag.
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  L.tileLayer(el.getAttribute('data-tiles'), { maxZoom: 19, attribution: el.getAttribute('data-attribution') || '' }).addTo(map);

  function popup(props) {
    var box = document.createElement('div');
    var link = document.createElement('a');
    link.href = props.url;
    link.dir = 'auto';
    link.textContent = (ar ? props.titleAr || props.titleFr : props.titleFr || props.titleAr) || '';
    box.appendChild(link);
    var figure = document.createElement('p');
    figure.textContent = props.progress + ' %';
    box.appendChild(figure);
    return box;
  }

  function style(feature) {
    var colour = colours[feature.properties && feature.properties.status] || '#505a5f';
    return { color: colour, weight: 2, fillOpacity: 0.2 };
  }

  function point(feature, latlng) {
    var colour = colours[feature.properties.status] || '#505a5f';
    return L.circleMarker(latlng, { radius: 9, color: '#fff', weight: 2, fillColor: colour, fillOpacity: 0.9 });
  }

  var lat = el.getAttribute('data-lat');
  if (lat) {
    // A project's own page: its point and area, no request.
    var here = [parseFloat(lat), parseFloat(el.getAttribute('data-lon'))];
    L.circleMarker(here, { radius: 10, color: '#fff', weight: 2, fillColor: colours.IN_PROGRESS, fillOpacity: 0.9 }).addTo(map);
    var area = el.getAttribute('data-area');
    if (area) {
      try {
        var layer = L.geoJSON(JSON.parse(area), { style: function () { return { color: colours.IN_PROGRESS, weight: 2, fillOpacity: 0.2 }; } }).addTo(map);
        map.fitBounds(layer.getBounds(), { maxZoom: 17 });
      } catch (e) {
        map.setView(here, 16);
      }
    } else {
      map.setView(here, 16);
    }
    return;
  }

  fetch(el.getAttribute('data-geojson'), { headers: { Accept: 'application/geo+json' } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (data) {
      if (!data || !data.features || data.features.length === 0) {
        return;
      }
      var layer = L.geoJSON(data, {
        pointToLayer: point,
        onEachFeature: function (feature, l) {
          // Areas take the status colour; the points keep their own (a style option would repaint them too).
          (function paint(part) {
            if (part instanceof L.Polygon) {
              part.setStyle(style(feature));
            } else if (part.eachLayer) {
              part.eachLayer(paint);
            }
          })(l);
          l.bindPopup(popup(feature.properties));
        }
      }).addTo(map);
      map.fitBounds(layer.getBounds(), { maxZoom: 16, padding: [20, 20] });
    })
    .catch(function () { /* the list below stays the content */ });
})();
