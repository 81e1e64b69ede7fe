import CheckStudentRecordsJob from './jobs/check_student_records_job.js'

/** Recurring jobs of the students module (registered by a web process at boot). */
export async function scheduleStudentsJobs() {
  await CheckStudentRecordsJob.schedule({})
    .id('students.check_student_records')
    .cron('17 * * * *')
    .timezone('Asia/Shanghai')
    .run()
}
