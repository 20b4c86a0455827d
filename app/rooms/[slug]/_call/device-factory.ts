/**
 * mediasoup-client Devices whose browser capabilities are probed ahead of the join.
 *
 * Device.load() asks the browser what it can send and receive by creating two throwaway
 * RTCPeerConnections and their offers. In a fresh page that takes 15–25 ms (the first peer
 * connection also starts the browser's WebRTC machinery), and it sat on the join's critical
 * path between the room:join answer and the receive transport. None of it depends on the
 * router, so `prepareDevices()` starts the probes while the socket is still connecting and
 * every Device made from it reuses their answers; load() then only intersects them with the
 * router's capabilities.
 *
 * Loaded lazily with mediasoup-client (see CallSession.start), so the room page's first
 * bundle stays small.
 */
import { Device, detectDevice, type types } from 'mediasoup-client';
import { Chrome111 } from 'mediasoup-client/handlers/Chrome111';
import { Chrome74 } from 'mediasoup-client/handlers/Chrome74';
import { Firefox120 } from 'mediasoup-client/handlers/Firefox120';
import { Safari12 } from 'mediasoup-client/handlers/Safari12';

type HandlerFactory = types.HandlerFactory;

const BUILTIN: Record<string, () => HandlerFactory> = {
  Chrome111: () => Chrome111.createFactory({}),
  Chrome74: () => Chrome74.createFactory({}),
  Firefox120: () => Firefox120.createFactory({}),
  Safari12: () => Safari12.createFactory({}),
};

export interface PreparedDevices {
  /** A new, unloaded Device (the probes' answers are shared, each load() clones them). */
  create(): Device;
}

/** Starts probing the browser now; falls back to plain Devices where it cannot. */
export function prepareDevices(): PreparedDevices {
  const name = detectDevice();
  const make = name ? BUILTIN[name] : undefined;
  if (!make) return { create: () => new Device() };
  const base = make();
  const answers = new Map<string, Promise<types.RtpCapabilities>>();
  const probe = (options: { direction: 'sendonly' | 'recvonly' }) => {
    let answer = answers.get(options.direction);
    if (!answer) {
      answer = base.getNativeRtpCapabilities(options);
      answers.set(options.direction, answer);
      // A failed probe is asked again by the next load(), which reports the error.
      answer.catch(() => answers.delete(options.direction));
    }
    return answer;
  };
  for (const direction of ['recvonly', 'sendonly'] as const) void probe({ direction }).catch(() => {});
  const factory: HandlerFactory = { ...base, getNativeRtpCapabilities: probe };
  return { create: () => new Device({ handlerFactory: factory }) };
}
