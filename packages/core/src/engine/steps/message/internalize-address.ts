/**
 * A channel address as one flat, hashed string: the one V8 keeps for it as a property name. An
 * address built by concatenation (`bench/` + `w0` + `/pings`) or read out of a document's text is a
 * rope or a slice; every protocol client use of it then flattens or hashes it again, misses V8's
 * split cache (mqtt.js splits a topic to check it on each SUBSCRIBE and UNSUBSCRIBE), and goes down
 * Node's slow path for Buffer.byteLength (mqtt-packet measures the topic of every packet). Measured
 * over Mosquitto (callgrind, one round trip at a time): those costs were ~4 K instructions per
 * round trip that a bare mqtt.js loop, whose topic is a name already, does not pay.
 */

/** `address` with the same characters, as the internalized string of a property name. */
export function internalizeAddress(address: string): string {
  const holder: Record<string, true> = {};
  holder[address] = true;
  // An array-index-like address ("42") comes back as a new string of the same characters.
  for (const name in holder) return name;
  return address;
}
