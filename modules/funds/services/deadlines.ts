export { workingDeadline } from '#kernel/shared/deadlines'
