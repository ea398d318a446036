import { describe, expect, it } from 'vitest';
import { buildAsyncOperations } from '../../src/sources/build-async-operations.js';

const v3 = {
  asyncapi: '3.0.0',
  info: { title: 't', version: '1' },
  servers: {
    broker: {
      host: 'broker.example.com:{port}',
      protocol: 'mqtt',
      variables: { port: { default: '1883' } },
      bindings: { mqtt: { clientId: 'shop', keepAlive: 30 } },
      security: [
        { $ref: '#/components/securitySchemes/login' },
        { $ref: '#/components/securitySchemes/token' },
        { $ref: '#/components/securitySchemes/key' },
        { $ref: '#/components/securitySchemes/encrypted' },
      ],
    },
    open: { host: 'open.example.com', protocol: 'ws' },
  },
  components: {
    securitySchemes: {
      login: { type: 'userPassword' },
      token: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      key: { type: 'httpApiKey', in: 'query', name: 'api_key' },
      encrypted: { type: 'symmetricEncryption' },
    },
  },
};

describe('AsyncAPI Server Object security, bindings and variables (for broker logins through the credential seam); channel, operation and message bindings', () => {
  it('3.0: security schemes by $ref become OpenAPI-shaped schemes (userPassword → http basic, http bearer, httpApiKey → apiKey); encryption kinds carry no credential', () => {
    const [broker, open] = buildAsyncOperations({ api: v3 }).servers;
    expect(broker?.security).toEqual([
      { schemeName: 'login', asyncapiType: 'userPassword', scheme: { type: 'http', scheme: 'basic' } },
      {
        schemeName: 'token',
        asyncapiType: 'http',
        scheme: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      },
      {
        schemeName: 'key',
        asyncapiType: 'httpApiKey',
        scheme: { type: 'apiKey', in: 'query', name: 'api_key' },
      },
    ]);
    expect(broker?.bindings).toEqual({ mqtt: { clientId: 'shop', keepAlive: 30 } });
    expect(broker?.variables).toEqual({ port: { default: '1883' } });
    expect(open).toEqual({ name: 'open', url: 'open.example.com', protocol: 'ws' });
  });

  it('2.6: Security Requirement Objects name the schemes (plain and scramSha256 → basic)', () => {
    const [server] = buildAsyncOperations({
      api: {
        asyncapi: '2.6.0',
        info: { title: 't', version: '1' },
        servers: {
          amqp: { url: 'amqp://mq:5672', protocol: 'amqp', security: [{ sasl: [] }, { scram: [] }] },
        },
        channels: {},
        components: { securitySchemes: { sasl: { type: 'plain' }, scram: { type: 'scramSha256' } } },
      },
    }).servers;
    expect(server?.security?.map((s) => [s.schemeName, s.scheme])).toEqual([
      ['sasl', { type: 'http', scheme: 'basic' }],
      ['scram', { type: 'http', scheme: 'basic' }],
    ]);
  });

  it("3.0: channel, operation and message bindings are kept, $refs resolved; an operation carries its channel's", () => {
    const summary = buildAsyncOperations({
      api: {
        asyncapi: '3.0.0',
        info: { title: 't', version: '1' },
        channels: {
          orders: {
            address: 'orders',
            bindings: { amqp: { is: 'routingKey', exchange: { name: 'shop', type: 'topic' } } },
            messages: { m: { payload: { type: 'object' }, bindings: { amqp: { messageType: 'order' } } } },
          },
        },
        operations: {
          publish: {
            action: 'send',
            channel: { $ref: '#/channels/orders' },
            bindings: { $ref: '#/components/operationBindings/persistent' },
          },
        },
        components: { operationBindings: { persistent: { amqp: { deliveryMode: 2 } } } },
      },
    });
    const [operation] = summary.operations;
    expect(operation?.bindings).toEqual({ amqp: { deliveryMode: 2 } });
    expect(operation?.channelBindings).toEqual({
      amqp: { is: 'routingKey', exchange: { name: 'shop', type: 'topic' } },
    });
    expect(operation?.messages[0]?.bindings).toEqual({ amqp: { messageType: 'order' } });
    expect(summary.channels[0]?.bindings).toEqual(operation?.channelBindings);
  });
});
