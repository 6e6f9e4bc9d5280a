export * from '#database/testing';
