/* Extension points the students module offers to provincial plugins (see modules/identity/extension_points.ts). */
export {}
