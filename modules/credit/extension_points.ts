/* Extension points the credit module offers to provincial plugins (see modules/identity/extension_points.ts). */
export {}
