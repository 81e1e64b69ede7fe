/*
| Version 1 of the platform's standard contract, modelled on the national
| model text 《中小学生校外培训服务合同（示范文本）》(GF-2021-2604): parties,
| course and timetable, teaching mode, fees and the supervised account,
| class consumption, refunds of unconsumed classes, rights and duties,
| breach, disputes. Placeholders are filled from the course, the filing and
| what the parent enters; nothing else may be changed by an institution.
*/
import type { TemplateBody } from './template.js'

export const TEMPLATE_CODE = 'GF-2021-2604'

export const TEMPLATE_V1: TemplateBody = {
  title: '中小学生校外培训服务合同',
  basis:
    '依据《中小学生校外培训服务合同（示范文本）》（GF—2021—2604）制定的平台标准格式合同，条款不得由培训机构增删。',
  partyA: [
    ['学员姓名', '{{studentName}}'],
    ['学员身份证号', '{{studentIdMasked}}'],
    ['就读学校', '{{studentSchool}}'],
    ['年级', '{{studentGrade}}'],
    ['监护人', '{{guardianName}}（{{guardianRelation}}）'],
    ['监护人联系电话', '{{guardianPhone}}'],
  ],
  partyB: [
    ['机构名称', '{{institutionName}}'],
    ['统一社会信用代码', '{{creditCode}}'],
    ['办学许可证编号', '{{licenceNumber}}'],
    ['办学许可证有效期至', '{{licenceValidTo}}'],
    ['审批机关', '{{licenceAuthority}}'],
    ['ICP备案号', '{{icpNumber}}'],
    ['住所地', '{{institutionAddress}}'],
    ['客服渠道', '{{serviceChannels}}'],
  ],
  sections: [
    {
      heading: '第一条 培训服务内容',
      clauses: [
        '1. 培训类型：{{kindLabel}}；培训方式：{{deliveryLabel}}。',
        '2. 课程名称：{{courseName}}；适用年级：{{gradesLabel}}。',
        '3. 培训地点（平台）：{{venue}}。',
        '4. 课程共 {{classCount}} 课时，每课时 {{minutesPerClass}} 分钟；上课时间：{{scheduleLabel}}；自 {{startDate}} 起至 {{endDate}} 止，具体日期见附件课程表。',
        '5. 授课方式：{{teachingModeLabel}}，班级人数不超过 {{capacity}} 人，最低开班人数 {{minClassSize}} 人；{{namedTeacherLabel}}',
        '6. 乙方应按照办学许可证或备案载明的培训类别开展培训，培训内容不得超出相应的国家课程标准，使用的培训材料已在全国校外教育培训监管与服务综合平台上传备查。',
      ],
    },
    {
      heading: '第二条 培训收费',
      clauses: [
        '1. 收费标准：每课时 {{pricePerClass}} 元，课程总价 {{totalPrice}} 元。',
        '2. 支付方式：{{paymentModeLabel}}，每次收取 {{classesCharged}} 课时、{{perCharge}} 元。乙方一次性收取的费用不得超过 {{maxMonths}} 个月或 {{maxClasses}} 课时（两者取较短者），且不得超过 {{maxYuan}} 元；不得在开课前 {{maxMonthsAhead}} 个月以前收费。',
        '3. 全部培训费用通过全国校外教育培训监管与服务综合平台支付，存入乙方在 {{supervisingBank}} 开设的预收费监管账户（{{supervisedAccount}}），资金监管方式为{{escrowModelLabel}}。乙方不得通过其他渠道另行收费，不得诱导甲方使用培训贷款。',
        '4. 监管资金按课消进度拨付：乙方每完成一课时，经甲方确认（甲方自上课之日起 15 个工作日内未提出异议的，视为确认）后，监管银行将该课时费用拨付乙方。',
      ],
    },
    {
      heading: '第三条 甲方的权利和义务',
      clauses: [
        '1. 甲方有权按本合同约定接受培训服务，有权查询课时消耗、资金监管和退费进度。',
        '2. 甲方应如实提供学员信息，遵守乙方依法制定的与培训有关的管理制度，按约定支付费用。',
        '3. 甲方对培训服务有异议的，可以向乙方客服反映，也可以通过平台向教育行政部门投诉。',
      ],
    },
    {
      heading: '第四条 乙方的权利和义务',
      clauses: [
        '1. 乙方应按约定的时间、地点、课时和授课方式提供培训服务，安排取得相应资质并通过入职查询的人员授课，学科类培训教师应具有相应教师资格。',
        '2. 乙方应在平台和课程页面显著位置公示收费项目、收费标准和退费办法，公示授课教师姓名、照片和教师资格证等信息。',
        '3. 乙方应保护学员个人信息安全，未经甲方同意不得向第三方提供。',
        '4. 乙方不得单方变更课程内容、授课教师（已承诺指定教师的）、上课时间或收费标准；确需调整的，应征得甲方同意，甲方不同意的可以解除合同并按第五条退费。',
      ],
    },
    {
      heading: '第五条 退费',
      clauses: [
        '1. 甲方有权随时申请退还未消耗课时的费用。开课前申请的，乙方全额退费；开课后申请的，扣除已消耗课时费用后退还剩余费用。',
        '2. 乙方应在收到退费申请之日起 {{refundWithinDays}} 日内办理退费，退费原路退回甲方的支付账户；乙方自收到申请之日起 5 个工作日内未答复的，视为同意退费。',
        '3. 乙方未达到最低开班人数不能开班、停止办学或无法继续提供培训服务的，应提前告知甲方并全额退还未消耗课时的费用；乙方异常停业的，由教育行政部门确认后从监管账户退费。',
        '4. 乙方不得以任何理由收取退费手续费，不得以赠送课时、优惠折扣等理由拒绝或者减少退费。',
      ],
    },
    {
      heading: '第六条 违约责任',
      clauses: [
        '1. 乙方未按约定提供培训服务的，应采取补课等补救措施；给甲方造成损失的，应依法赔偿。',
        '2. 乙方逾期退费的，每逾期一日按应退金额的万分之五向甲方支付违约金。',
        '3. 甲方逾期支付费用经催告后仍不支付的，乙方可以暂停提供相应课时的培训服务。',
      ],
    },
    {
      heading: '第七条 争议处理',
      clauses: [
        '本合同履行中发生争议的，双方可协商解决，也可以请求教育行政部门、消费者协会等调解；协商、调解不成的，{{disputeLabel}}。',
      ],
    },
    {
      heading: '第八条 其他',
      clauses: [
        '1. 本合同通过全国校外教育培训监管与服务综合平台以电子方式签订，自甲方确认身份并签署之时起成立，与纸质合同具有同等效力。合同签订后由平台存证，任何一方不得修改。',
        '2. 本合同适用合同范本 {{templateCode}} 第 {{templateVersion}} 版。附件课程表是本合同的组成部分。',
      ],
    },
  ],
}
