/**
 * Microphone levels from a live track: the pre-join meter and the "you are muted" hint.
 * One AudioContext for the page; browsers limit how many a page may open.
 */

let sharedContext: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (typeof window === 'undefined' || typeof AudioContext === 'undefined') return null;
  if (!sharedContext || sharedContext.state === 'closed') {
    sharedContext = new AudioContext();
    // NOTE: Chromium starts an AudioContext "suspended" until the page has had a user gesture;
    // resume it on the first one so the meter starts moving without a reload.
    const resume = () => {
      void sharedContext?.resume().catch(() => {});
      window.removeEventListener('pointerdown', resume, true);
      window.removeEventListener('keydown', resume, true);
    };
    window.addEventListener('pointerdown', resume, true);
    window.addEventListener('keydown', resume, true);
  }
  if (sharedContext.state === 'suspended') void sharedContext.resume().catch(() => {});
  return sharedContext;
}

/**
 * Calls `onLevel` about 20 times a second with the track's loudness, 0 (silence) to 1 (loud
 * speech). Returns a function that stops listening. The track itself is left alone.
 */
export function watchAudioLevel(track: MediaStreamTrack, onLevel: (level: number) => void): () => void {
  const context = audioContext();
  if (!context || track.readyState === 'ended') return () => {};
  // A stream of its own: closing the source node must not touch the caller's stream.
  const source = context.createMediaStreamSource(new MediaStream([track]));
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  analyser.smoothingTimeConstant = 0.2;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = window.setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    const rms = Math.sqrt(sum / samples.length);
    // Decibels mapped onto 0–1: -60 dBFS (room noise) is 0, -10 dBFS (close, loud speech) is 1.
    const db = 20 * Math.log10(Math.max(rms, 1e-8));
    onLevel(Math.min(1, Math.max(0, (db + 60) / 50)));
  }, 50);
  return () => {
    window.clearInterval(timer);
    source.disconnect();
    analyser.disconnect();
  };
}

/** Above this level (see watchAudioLevel) the muted hint treats the sound as speech. */
export const SPEECH_LEVEL = 0.45;

/**
 * Calls `onSpeech` when the track stays above the speech level for `holdMs` in a row, at most
 * once per `quietMs`. Used while the member's microphone is muted.
 */
export function detectSpeech(
  track: MediaStreamTrack,
  onSpeech: () => void,
  { holdMs = 600, quietMs = 10_000 }: { holdMs?: number; quietMs?: number } = {},
): () => void {
  let since: number | null = null;
  let lastFired = -Infinity;
  return watchAudioLevel(track, (level) => {
    const now = performance.now();
    if (level < SPEECH_LEVEL) {
      since = null;
      return;
    }
    since ??= now;
    if (now - since >= holdMs && now - lastFired >= quietMs) {
      lastFired = now;
      since = null;
      onSpeech();
    }
  });
}
