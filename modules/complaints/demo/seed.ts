export async function seedComplaintsDemo() {}
