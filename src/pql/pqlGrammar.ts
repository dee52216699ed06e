/**
 * The peggy grammar of the PQL subset, with two start rules:
 * `SegmentExpression` (profile paths, `xEvent[...]` conditions) and
 * `EventCondition` (event paths and `timestamp occurs …`). The boolean layers
 * are written twice, once per context, so that a form used in the wrong
 * context (`xEvent` inside `xEvent[...]`, a time window outside it) is a
 * syntax error with a position rather than a later check.
 *
 * Rule names in quotes (`"string"`, `"date-time"`) are what syntax errors
 * list as expected; keywords must not run on into identifier characters
 * (`nothing` is a path, not `not hing`).
 */
export const PQL_GRAMMAR = String.raw`
{
  function here() {
    const start = location().start;
    return { line: start.line, column: start.column };
  }
  function fold(kind, head, tail, position) {
    return tail.length === 0 ? head : { kind, operands: [head, ...tail], position };
  }
  function isCalendarDate(text) {
    const year = Number(text.slice(0, 4));
    const month = Number(text.slice(5, 7));
    const day = Number(text.slice(8, 10));
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }
  function isClockTime(text) {
    const match = /T(\d\d):(\d\d)(?::(\d\d))?/.exec(text);
    const zone = /([+-])(\d\d):(\d\d)$/.exec(text);
    if (match === null) return false;
    if (Number(match[1]) > 23 || Number(match[2]) > 59 || Number(match[3] ?? 0) > 59) return false;
    return zone === null || (Number(zone[2]) <= 23 && Number(zone[3]) <= 59);
  }
}

SegmentExpression = _ @Or _
EventCondition = _ @EventOr _

// ---- segment context -------------------------------------------------------

Or = head:And tail:(_ OrKeyword _ @And)* { return fold('or', head, tail, here()); }
And = head:Not tail:(_ AndKeyword _ @Not)* { return fold('and', head, tail, here()); }
Not
  = NotKeyword _ operand:Not { return { kind: 'not', operand, position: here() }; }
  / Primary
Primary
  = "(" _ @Or _ ")"
  / EventQuery
  / Condition

EventQuery
  = XEventKeyword _ "[" _ condition:EventOr _ "]" _ "." _ query:(CountQuery / ExistsQuery) {
      return { ...query, condition, position: here() };
    }
CountQuery
  = "count" _ "(" _ ")" _ operator:ComparisonOperator _ count:Integer {
      return { kind: 'eventCount', operator, count };
    }
ExistsQuery
  = "exists" _ "(" _ ")" { return { kind: 'eventExists' }; }

// ---- event context ---------------------------------------------------------

EventOr = head:EventAnd tail:(_ OrKeyword _ @EventAnd)* { return fold('or', head, tail, here()); }
EventAnd = head:EventNot tail:(_ AndKeyword _ @EventNot)* { return fold('and', head, tail, here()); }
EventNot
  = NotKeyword _ operand:EventNot { return { kind: 'not', operand, position: here() }; }
  / EventPrimary
EventPrimary
  = "(" _ @EventOr _ ")"
  / TimeWindow
  / Condition

TimeWindow
  = TimestampKeyword _ OccursKeyword _ operator:WindowOperator _ amount:Integer _ unit:Unit _ BeforeKeyword _ NowKeyword {
      return { kind: 'occurs', operator, amount, unit, position: here() };
    }
WindowOperator = "<=" / ">=" / "<" / ">"
Unit
  = ("days" / "day") !IdentifierPart { return 'days'; }
  / ("hours" / "hour") !IdentifierPart { return 'hours'; }
  / ("minutes" / "minute") !IdentifierPart { return 'minutes'; }

// ---- conditions on one attribute -------------------------------------------

Condition = path:Path test:(StringMethod / _ @Test) { return { ...test, path, position: path.position }; }

Test
  = operator:ComparisonOperator _ value:Literal { return { kind: 'compare', operator, value }; }
  / InKeyword _ values:List { return { kind: 'in', values }; }
  / ExistsKeyword { return { kind: 'exists' }; }

StringMethod
  = "." method:MethodName _ "(" _ value:String _ ")" { return { kind: 'stringMatch', method, value }; }
MethodName = @("startsWith" / "contains") !IdentifierPart

ComparisonOperator = "<=" / ">=" / "!=" / "=" / "<" / ">"

List = "[" _ head:Literal tail:(_ "," _ @Literal)* _ "]" { return [head, ...tail]; }

Path "attribute path"
  = !(Reserved !IdentifierPart) head:Segment tail:("." !(MethodName _ "(") @Segment)* {
      return { kind: 'path', segments: [head, ...tail], text: text(), position: here() };
    }
Segment = $([A-Za-z_] IdentifierPart*)
IdentifierPart = [A-Za-z0-9_:]
Reserved = "and" / "or" / "not" / "in" / "exists" / "true" / "false" / "xEvent"

// ---- literals --------------------------------------------------------------

Literal = DateTime / Date / Number / String / Boolean

DateTime "date-time"
  = value:$(DatePart "T" Digit Digit ":" Digit Digit (":" Digit Digit ("." Digit+)?)? ("Z" / [+-] Digit Digit ":" Digit Digit)) !IdentifierPart {
      if (!isCalendarDate(value) || !isClockTime(value)) error(value + ' is not a valid date-time');
      return { kind: 'dateTime', value, position: here() };
    }
Date "date"
  = value:$DatePart !IdentifierPart !"T" {
      if (!isCalendarDate(value)) error(value + ' is not a calendar date');
      return { kind: 'date', value, position: here() };
    }
DatePart = Digit Digit Digit Digit "-" Digit Digit "-" Digit Digit
Number "number"
  = value:$("-"? Digit+ ("." Digit+)?) !IdentifierPart !"-" !"." {
      if (!Number.isFinite(Number(value))) error(value.slice(0, 24) + '… is too large a number');
      return { kind: 'number', value: Number(value), position: here() };
    }
String "string"
  = '"' characters:(@[^"\\] / "\\" @('"' / "\\"))* '"' {
      return { kind: 'string', value: characters.join(''), position: here() };
    }
Boolean
  = TrueKeyword { return { kind: 'boolean', value: true, position: here() }; }
  / FalseKeyword { return { kind: 'boolean', value: false, position: here() }; }

Integer "whole number" = value:$Digit+ !IdentifierPart !"." { return Number(value); }
Digit = [0-9]

// ---- keywords and whitespace -----------------------------------------------

AndKeyword = "and" !IdentifierPart
OrKeyword = "or" !IdentifierPart
NotKeyword = "not" !IdentifierPart
InKeyword = "in" !IdentifierPart
ExistsKeyword = "exists" !IdentifierPart
TrueKeyword = "true" !IdentifierPart
FalseKeyword = "false" !IdentifierPart
XEventKeyword = "xEvent" !IdentifierPart
TimestampKeyword = "timestamp" !IdentifierPart
OccursKeyword = "occurs" !IdentifierPart
BeforeKeyword = "before" !IdentifierPart
NowKeyword = "now" !IdentifierPart

_ "whitespace" = [ \t\r\n]*
`;
