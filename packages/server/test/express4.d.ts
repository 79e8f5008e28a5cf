// Express 4, installed beside Express 5 under an alias so the adapters are tested on both.
declare module 'express4' {
  import express from 'express';
  export default express;
}
