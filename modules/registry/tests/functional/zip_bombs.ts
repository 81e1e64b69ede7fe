/*
| Test fixtures for the spreadsheet zip checks: hand-built zips whose sheet
| inflates far beyond its size, and a counter of workbook parses.
*/
import { deflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'

function entry(name: string, data: Buffer, declared: number, offset: number) {
  const nameBytes = Buffer.from(name)
  const compressed = deflateRawSync(data, { level: 9 })
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(compressed.length, 18)
  local.writeUInt32LE(declared, 22)
  local.writeUInt16LE(nameBytes.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(compressed.length, 20)
  central.writeUInt32LE(declared, 24)
  central.writeUInt16LE(nameBytes.length, 28)
  central.writeUInt32LE(offset, 42)
  return {
    local: Buffer.concat([local, nameBytes, compressed]),
    central: Buffer.concat([central, nameBytes]),
  }
}

/** An .xlsx-shaped zip whose sheet is `realBytes` of zeros; its directory claims `declaredBytes` (the truth by default). */
export function bombZip({
  realBytes,
  declaredBytes = realBytes,
}: {
  realBytes: number
  declaredBytes?: number
}): Buffer {
  const types = Buffer.from(
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
  )
  const first = entry('[Content_Types].xml', types, types.length, 0)
  const sheet = entry(
    'xl/worksheets/sheet1.xml',
    Buffer.alloc(realBytes, 0x20),
    declaredBytes,
    first.local.length
  )
  const directory = Buffer.concat([first.central, sheet.central])
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(2, 8)
  end.writeUInt16LE(2, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(first.local.length + sheet.local.length, 16)
  return Buffer.concat([first.local, sheet.local, directory, end])
}

/** Counts ExcelJS workbook loads (the in-memory parse) until restored. */
export function countWorkbookLoads() {
  const proto = Object.getPrototypeOf(new ExcelJS.Workbook().xlsx)
  const original = proto.load
  const counter = {
    count: 0,
    restore: () => {
      proto.load = original
    },
  }
  proto.load = function (this: unknown, ...args: unknown[]) {
    counter.count++
    return original.apply(this, args)
  }
  return counter
}
