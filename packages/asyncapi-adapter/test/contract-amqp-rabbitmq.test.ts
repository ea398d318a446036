/**
 * The MessageTransport contract for the AMQP 0-9-1 transport against RabbitMQ (started by
 * .ci/services/rabbitmq.sh; skipped, with a printed line, where TELAIO_RABBITMQ_URL is unset):
 * channels are routing keys on a topic exchange the binding declares, received through a private
 * bound queue; headers travel in the AMQP header table.
 */
import { createAsyncApiTransport } from '@telaio/asyncapi-adapter';
import { contractTarget, runMessageTransportContract } from '@telaio/core/testing/contract';
import { describeService } from '../../../test/support/services.js';

const channelBindings = {
  amqp: { is: 'routingKey', exchange: { name: 'telaio-contract', type: 'topic', autoDelete: true } },
};

describeService('rabbitmq', 'TELAIO_RABBITMQ_URL', 'MessageTransport contract over RabbitMQ', (url) => {
  runMessageTransportContract('amqp (RabbitMQ)', () => ({
    transport: createAsyncApiTransport({ reconnectDelayMs: 50 }),
    target: (address) => contractTarget({ address, url, protocol: 'amqp', channelBindings }),
  }));
});
