/**
 * The MessageTransport contract for the MQTT transport against Mosquitto (started by
 * .ci/services/mosquitto.sh; skipped, with a printed line, where TELAIO_MOSQUITTO_URL is unset):
 * once over MQTT 3.1.1 (no headers) and once over MQTT 5 (headers as user properties).
 */
import { createAsyncApiTransport } from '@telaio/asyncapi-adapter';
import { contractTarget, runMessageTransportContract } from '@telaio/core/testing/contract';
import { describeService } from '../../../test/support/services.js';

describeService('mosquitto', 'TELAIO_MOSQUITTO_URL', 'MessageTransport contract over Mosquitto', (url) => {
  runMessageTransportContract('mqtt (Mosquitto, MQTT 3.1.1)', () => ({
    transport: createAsyncApiTransport({ reconnectDelayMs: 50 }),
    target: (address) => contractTarget({ address, url, protocol: 'mqtt' }),
    headers: false,
  }));
  runMessageTransportContract('mqtt (Mosquitto, MQTT 5)', () => ({
    transport: createAsyncApiTransport({ reconnectDelayMs: 50 }),
    target: (address) => contractTarget({ address, url, protocol: 'mqtt', protocolVersion: '5' }),
  }));
});
