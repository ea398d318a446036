/** @telaio/stytch-sandbox */
export {};
