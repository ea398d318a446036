import { createMemoryMessageTransport } from '@telaio/core/testing';
import { contractTarget, runMessageTransportContract } from '@telaio/core/testing/contract';

// The in-memory broker proves the same contract as the MQTT, WebSocket and AMQP transports.
runMessageTransportContract('memory', () => ({
  transport: createMemoryMessageTransport(),
  target: (address) => contractTarget({ address, url: 'memory://broker', protocol: 'memory' }),
}));
