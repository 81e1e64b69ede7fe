/*
| The credit module's public API. Other modules import only this file
| (`#modules/credit`). Never export Lucid models from here.
*/
export {}
