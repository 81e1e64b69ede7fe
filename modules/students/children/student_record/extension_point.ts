/*
| Which student-record service (学籍) a child's profile is checked
| against, asked per child by the county of its school. A province
| without a service it can connect answers `none`; its children's records
| are then marked "not offered" and never block anything.
*/
import { defineExtensionPoint } from '#kernel/plugins/extension_point'
import type { Grade } from '#kernel/shared/school_grades'

export interface StudentRecordInput {
  /** The register's national school code (学校标识码) of the child's school, or null for a school not in the register. */
  schoolCode: string | null
  /** The grade the profile gives for this school year (k1–k3, p1–p6, j1–j3, s1–s3). */
  grade: Grade
}

export interface StudentRecordChoice {
  /**
   * `http`: the platform's HTTP adapter, to the service STUDENT_RECORD_URL
   * names with the shared secret STUDENT_RECORD_SECRET (protocol:
   * modules/students/children/student_record/protocol.ts); `none`: the
   * province offers no check.
   */
  adapter: 'http' | 'none'
}

declare module '#plugin_sdk' {
  interface ExtensionPoints {
    /**
     * The student-record service (学籍核验) to check a child's profile with.
     *
     * @asked When a guardian adds or corrects a child's profile, and by
     * the hourly job for pending checks (retried with a growing delay) and
     * for records last checked 30 days ago.
     * @region The county of the child's school as the guardian chose it.
     * @decides Whether the profile is checked against the student-record
     * service (found, not found, or a different school or grade, which
     * the guardians are told of) or marked "not offered". The check never
     * blocks a purchase either way.
     * @national `http`: the platform's adapter to the national student
     * record service configured by STUDENT_RECORD_URL.
     */
    'students.student_record': {
      kind: 'value'
      input: StudentRecordInput
      output: StudentRecordChoice
    }
  }
}

export const studentRecordAdapter = defineExtensionPoint({
  name: 'students.student_record',
  version: 1,
  kind: 'value',
  description: 'Which student-record service (学籍) children’s profiles are checked against',
  /* A pupil in primary 3 at a school of Changchun's Chaoyang district. */
  example: (): StudentRecordInput => ({ schoolCode: '2122010401', grade: 'p3' }),
  defaultRule: (): StudentRecordChoice => ({ adapter: 'http' }),
})
