/** @telaio/stytch-auth */
export {};
