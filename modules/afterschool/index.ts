/*
| The afterschool module's public API. Other modules import only this file
| (`#modules/afterschool`). Never export Lucid models from here.
*/
export {}
