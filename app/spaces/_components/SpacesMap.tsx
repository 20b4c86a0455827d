'use client';

import 'leaflet/dist/leaflet.css';
import type { Map as LeafletMap, LayerGroup, Marker, TileLayer } from 'leaflet';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { cx } from '@/app/_components/ui/class-names';
import { MAP_TILE_ATTRIBUTION, MAP_TILE_URL, type MapTiles } from './map-tiles';

export interface MapMarker {
  id: string;
  lat: number;
  lng: number;
  label: string;
  /** A second line in the popup, e.g. the town and the price. */
  detail?: string;
  href?: string;
}

export type SpacesMapProps = {
  markers: readonly MapMarker[];
  /** The point distances are measured from (or the picked coordinates), drawn as a ring. */
  point?: { lat: number; lng: number } | null;
  /**
   * "popup": a click offers "sort by distance from here" in a popup (the directory);
   * "direct": a click picks the point at once (a host placing their space).
   */
  pickMode?: 'popup' | 'direct' | 'none';
  onPick?: (point: { lat: number; lng: number }) => void;
  labels: {
    /** The map region's accessible name. */
    region: string;
    /** Shown over the map when no tile could be loaded. */
    tilesUnavailable: string;
    /** The button in the pick popup. */
    pickHere?: string;
    /** Accessible name of the point marker. */
    pointLabel?: string;
  };
  /** The configured tile source (config.map); map-tiles.ts has the defaults. */
  tiles?: MapTiles;
  className?: string;
};

/** Tiles that have not arrived after this long count as unavailable (offline installs hang, not fail). */
const TILE_TIMEOUT_MS = 8000;
const NORWAY_CENTRE: [number, number] = [65, 14];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The Leaflet map of the directory, loaded in the browser only (Leaflet needs `window`). It is
 * an extra, never the only way: every space on it is also in the list, and when tiles cannot
 * load the map says so quietly and keeps its markers.
 */
export function SpacesMap({ markers, point, pickMode = 'none', onPick, labels, tiles, className }: SpacesMapProps) {
  const tileUrl = tiles?.url ?? MAP_TILE_URL;
  const attribution = tiles?.attribution ?? MAP_TILE_ATTRIBUTION;
  const router = useRouter();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<LeafletMap | null>(null);
  const leafletRef = useRef<typeof import('leaflet') | null>(null);
  const markerLayerRef = useRef<LayerGroup | null>(null);
  const pointMarkerRef = useRef<Marker | null>(null);
  const [ready, setReady] = useState(false);
  const [tileState, setTiles] = useState<'loading' | 'ok' | 'failed'>('loading');
  // Callbacks change every render; the map's listeners read the latest through refs.
  const onPickRef = useRef(onPick);
  const labelsRef = useRef(labels);
  const pickModeRef = useRef(pickMode);
  useEffect(() => {
    onPickRef.current = onPick;
    labelsRef.current = labels;
    pickModeRef.current = pickMode;
  });

  // Create the map once.
  useEffect(() => {
    let cancelled = false;
    let tileLayer: TileLayer | null = null;
    let timer: number | undefined;
    void import('leaflet').then((mod) => {
      const L = (mod as unknown as { default?: typeof import('leaflet') }).default ?? mod;
      const container = containerRef.current;
      if (cancelled || !container) return;
      leafletRef.current = L;
      const map = L.map(container, {
        center: NORWAY_CENTRE,
        zoom: 4,
        // The page scrolls past the map; zoom with the buttons, a pinch or ctrl+wheel instead.
        scrollWheelZoom: false,
        keyboard: true,
        attributionControl: true,
      });
      map.attributionControl.setPrefix(false);
      let loaded = 0;
      tileLayer = L.tileLayer(tileUrl, { attribution, maxZoom: 18, crossOrigin: true })
        .on('tileload', () => {
          loaded += 1;
          setTiles('ok');
        })
        .on('tileerror', () => {
          if (loaded === 0) setTiles('failed');
        })
        .addTo(map);
      timer = window.setTimeout(() => {
        if (loaded === 0) setTiles('failed');
      }, TILE_TIMEOUT_MS);

      map.on('click', (event) => {
        const picked = { lat: event.latlng.lat, lng: event.latlng.lng };
        if (pickModeRef.current === 'direct') {
          onPickRef.current?.(picked);
        } else if (pickModeRef.current === 'popup' && labelsRef.current.pickHere) {
          const button = document.createElement('button');
          button.type = 'button';
          button.textContent = labelsRef.current.pickHere;
          button.className =
            'rounded-md bg-fjord-600 px-3 py-2 text-sm font-semibold text-white hover:bg-fjord-700 focus-visible:outline-3 focus-visible:outline-fjord-500';
          const popup = L.popup({ closeButton: true }).setLatLng(event.latlng).setContent(button).openOn(map);
          button.addEventListener('click', () => {
            map.closePopup(popup);
            onPickRef.current?.(picked);
          });
          button.focus({ preventScroll: true });
        }
      });
      markerLayerRef.current = L.layerGroup().addTo(map);
      mapRef.current = map;
      setReady(true);
    }).catch((error: unknown) => {
      console.error('map failed', error);
    });
    return () => {
      cancelled = true;
      if (timer) window.clearTimeout(timer);
      tileLayer?.off();
      mapRef.current?.remove();
      mapRef.current = null;
      markerLayerRef.current = null;
      pointMarkerRef.current = null;
    };
  }, [tileUrl, attribution]);

  // Markers, the chosen point and the view follow the props.
  useEffect(() => {
    const L = leafletRef.current;
    const map = mapRef.current;
    const layer = markerLayerRef.current;
    if (!ready || !L || !map || !layer) return;
    layer.clearLayers();
    const bounds = L.latLngBounds([]);
    for (const marker of markers) {
      const icon = L.divIcon({
        className: '',
        html: `<span class="block size-6 -translate-y-1 rounded-full rounded-br-none rotate-45 border-2 border-white bg-fjord-600 shadow-md"></span><span class="sr-only">${escapeHtml(marker.label)}</span>`,
        iconSize: [24, 24],
        iconAnchor: [12, 24],
        popupAnchor: [0, -24],
      });
      const content = document.createElement('div');
      content.className = 'flex flex-col gap-0.5 text-sm';
      const title = document.createElement(marker.href ? 'a' : 'strong');
      title.textContent = marker.label;
      title.className = 'font-semibold text-fjord-800 underline underline-offset-2';
      if (marker.href && title instanceof HTMLAnchorElement) {
        const href = marker.href;
        title.href = href;
        title.addEventListener('click', (event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          router.push(href);
        });
      }
      content.append(title);
      if (marker.detail) {
        const detail = document.createElement('span');
        detail.className = 'text-ink-muted';
        detail.textContent = marker.detail;
        content.append(detail);
      }
      L.marker([marker.lat, marker.lng], { icon, title: marker.label, keyboard: true, riseOnHover: true })
        .bindPopup(content)
        .addTo(layer);
      bounds.extend([marker.lat, marker.lng]);
    }
    pointMarkerRef.current?.remove();
    pointMarkerRef.current = null;
    if (point) {
      const icon = L.divIcon({
        className: '',
        html: `<span class="block size-5 rounded-full border-[3px] border-birch-700 bg-birch-300 shadow-md ring-4 ring-birch-300/40"></span><span class="sr-only">${escapeHtml(labels.pointLabel ?? '')}</span>`,
        iconSize: [20, 20],
        iconAnchor: [10, 10],
      });
      pointMarkerRef.current = L.marker([point.lat, point.lng], { icon, keyboard: false, interactive: false }).addTo(map);
      bounds.extend([point.lat, point.lng]);
    }
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (bounds.isValid()) map.fitBounds(bounds.pad(0.15), { maxZoom: 11, animate: !reduced });
    else map.setView(NORWAY_CENTRE, 4, { animate: false });
  }, [ready, markers, point, labels.pointLabel, router]);

  return (
    <div role="region" aria-label={labels.region} className={cx('relative isolate overflow-hidden rounded-2xl border border-sand-200 bg-sand-100', className)}>
      <div ref={containerRef} className="absolute inset-0 !bg-sand-100 font-sans" />
      {!ready ? <div aria-hidden="true" className="absolute inset-0 animate-pulse bg-sand-100" /> : null}
      {tileState === 'failed' ? (
        <p
          role="status"
          className="pointer-events-none absolute inset-x-3 bottom-8 z-[1000] mx-auto w-fit max-w-[calc(100%-1.5rem)] rounded-lg bg-white/95 px-3 py-2 text-center text-xs text-ink-muted shadow-sm ring-1 ring-sand-200"
        >
          {labels.tilesUnavailable}
        </p>
      ) : null}
    </div>
  );
}
