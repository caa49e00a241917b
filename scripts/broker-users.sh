#!/usr/bin/env bash
# Creates one RabbitMQ user per role, with configure/write/read permissions limited by regex to what that role
# needs, on one vhost. Idempotent: users that exist get their password and permissions set again.
#
#   scripts/broker-users.sh [--api http://127.0.0.1:15672 --admin-user guest] [--vhost /] [--prefix ""]
#
# With --api it uses the management HTTP API (curl; the admin password comes from MW_ADMIN_PASSWORD, default
# guest); without it, rabbitmqctl on this machine (as inside the compose broker container).
# Passwords come from the environment, never from this file: MW_PASSWORD_<ROLE> (MW_PASSWORD_CASE_SAGA, ...),
# or MW_PASSWORD for every user. The script refuses to create a user without one.
set -euo pipefail

api=""; admin_user="guest"; vhost="/"; prefix=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --api) api="$2"; shift 2 ;;
    --admin-user) admin_user="$2"; shift 2 ;;
    --vhost) vhost="$2"; shift 2 ;;
    --prefix) prefix="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

C='ModerationWorkers\.Contracts:'
fault='MassTransit:Fault(--.*)?'          # MassTransit publishes Fault<T> events here when a message fails
bus='[^:]+_bus_[^:]+'                  # MassTransit's per-process bus endpoint (auto-delete)
own() { echo "$1|$1_error|$1_skipped"; }   # a role's queue and exchange, with its error and skipped queues
# Sending to queue:X declares exchange X and queue X and binds them, so senders configure and write X and read
# exchange X. That keeps commands durable even before their consumer has started once.

declare -A configure write read
# Platform services: may only write the inbound exchanges. Nothing to declare, nothing to read.
configure[platform]=''
write[platform]="${C}(ContentUploaded|NoticeFiled|VerdictReached|CounterNoticeFiled|AppealFiled|LegalActionFiled)"
read[platform]=''
# Reviewer tools: read case announcements into queues of their own, write verdicts.
configure[reviewer]='reviewer-.*'
write[reviewer]="reviewer-.*|${C}VerdictReached"
read[reviewer]="reviewer-.*|${C}(CaseOpened|AppealOpened)"
# Downstream services: read only the command exchanges, into queues of their own.
configure[downstream]='downstream-.*'
write[downstream]='downstream-.*'
read[downstream]="downstream-.*|${C}(RemoveContent|RestrictAccount|RestoreContent)"

configure[content-intake]="$(own content-intake)|${C}ContentUploaded|case-saga|${fault}|${bus}"
write[content-intake]="$(own content-intake)|case-saga|${fault}|${bus}"
read[content-intake]="content-intake|${C}ContentUploaded|case-saga|${bus}"

configure[notice-intake]="$(own notice-intake)|${C}(NoticeFiled|NoticeRejected)|case-saga|case-saga-priority|${fault}|${bus}"
write[notice-intake]="$(own notice-intake)|${C}NoticeRejected|case-saga|case-saga-priority|${fault}|${bus}"
read[notice-intake]="notice-intake|${C}NoticeFiled|case-saga|case-saga-priority|${bus}"

configure[verdicts]="$(own verdicts)|${C}VerdictReached|case-saga|case-saga-priority|${fault}|${bus}"
write[verdicts]="$(own verdicts)|case-saga|case-saga-priority|${fault}|${bus}"
read[verdicts]="verdicts|${C}VerdictReached|case-saga|case-saga-priority|${bus}"

redress_in="${C}(CounterNoticeFiled|AppealFiled|LegalActionFiled)"
configure[redress]="$(own counter-notices)|$(own appeals)|$(own legal-actions)|${redress_in}|case-saga|${fault}|${bus}"
write[redress]="$(own counter-notices)|$(own appeals)|$(own legal-actions)|case-saga|${fault}|${bus}"
read[redress]="counter-notices|appeals|legal-actions|${redress_in}|case-saga|${bus}"

case_out="${C}(CaseOpened|NoticeRejected|RemoveContent|CaseClosed|RestoreContent|CounterNoticeReceived|CounterNoticeRejected|AppealOpened|AppealRejected|AppealDecided)"
configure[case-saga]="$(own case-saga)|$(own case-saga-priority)|account-strikes|notifier-standing|${case_out}|${fault}|${bus}"
write[case-saga]="$(own case-saga)|$(own case-saga-priority)|account-strikes|notifier-standing|${case_out}|${fault}|${bus}"
read[case-saga]="case-saga|case-saga-priority|account-strikes|notifier-standing|${bus}"

configure[notifier-standing]="$(own notifier-standing)|${C}(NotifierWarned|NotifierSuspended)|${fault}|${bus}"
write[notifier-standing]="$(own notifier-standing)|${C}(NotifierWarned|NotifierSuspended)|${fault}|${bus}"
read[notifier-standing]="notifier-standing|${bus}"

configure[account-strikes]="$(own account-strikes)|${C}RestrictAccount|${fault}|${bus}"
write[account-strikes]="$(own account-strikes)|${C}RestrictAccount|${fault}|${bus}"
read[account-strikes]="account-strikes|${bus}"

configure[timers]="case-saga|${bus}"
write[timers]="case-saga|${bus}"
read[timers]="case-saga|${bus}"

anchor() { [[ -z "$1" ]] && echo '^$' || echo "^($1)\$"; }
# JSON string escaping for the management API: the regexes hold backslashes.
esc() { local v="${1//\\/\\\\}"; printf '"%s"' "${v//\"/\\\"}"; }
json() { local out="" sep=""; while [[ $# -gt 0 ]]; do out+="$sep$(esc "$1"):$(esc "$2")"; sep=","; shift 2; done; printf '{%s}' "$out"; }

apply() {
  local user="$1" password="$2" c w r
  c=$(anchor "$3"); w=$(anchor "$4"); r=$(anchor "$5")
  if [[ -n "$api" ]]; then
    local auth="$admin_user:${MW_ADMIN_PASSWORD:-guest}" v
    v="${vhost//\//%2F}"
    # The body goes through stdin, so the password never shows in the process list.
    json password "$password" tags '' | curl -fsS -u "$auth" -X PUT -H 'content-type: application/json' "$api/api/users/$user" --data-binary @- >/dev/null
    curl -fsS -u "$auth" -X PUT -H 'content-type: application/json' "$api/api/permissions/$v/$user" \
      -d "$(json configure "$c" write "$w" read "$r")" >/dev/null
  else
    rabbitmqctl add_user "$user" "$password" >/dev/null 2>&1 || rabbitmqctl change_password "$user" "$password" >/dev/null
    rabbitmqctl set_permissions -p "$vhost" "$user" "$c" "$w" "$r" >/dev/null
  fi
  echo "[broker-users] $user on $vhost: configure $c | write $w | read $r"
}

for role in platform reviewer downstream content-intake notice-intake verdicts redress case-saga account-strikes notifier-standing timers; do
  variable="MW_PASSWORD_$(echo "$role" | tr 'a-z-' 'A-Z_')"
  password="${!variable:-${MW_PASSWORD:-}}"
  if [[ -z "$password" ]]; then
    echo "[broker-users] no password for $role: set $variable or MW_PASSWORD" >&2
    exit 1
  fi
  apply "${prefix}${role}" "$password" "${configure[$role]}" "${write[$role]}" "${read[$role]}"
done
