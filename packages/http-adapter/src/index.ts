/** @telaio/http-adapter */
export {};
