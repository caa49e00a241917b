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
fault='MassTransit:(Receive)?Fault(--.*)?'   # MassTransit publishes Fault<T> here when a message fails, ReceiveFault when it fails before any consumer
bus='[^:]+_bus_[^:]+'                  # MassTransit's per-process bus endpoint (auto-delete)
own() { echo "$1|$1_error|$1_skipped"; }   # a role's queue and exchange, with its error and skipped queues
inbox() { echo "$1\\.inbox"; }            # the exchange a queue's senders write to (QueueNames.Inbox)
# A sender writes a queue's inbox exchange, never the queue's own exchange. It also declares the queue and binds the
# inbox to it (configure and write on the queue, read on the inbox), so a command sent before its consumer ever started
# waits in the queue. It never reads the queue: a queue and its own exchange share a name, and read on that name would
# let a sender consume or purge the queue; the inbox has a name of its own. Each consumer reads its queues and inboxes.
# send_c/send_w/send_r Q [EXCHANGE]: what sending to queue Q through its inbox (or EXCHANGE) needs.
send_c() { echo "$1|${2:-$(inbox "$1")}"; }
send_w() { echo "$1|${2:-$(inbox "$1")}"; }
send_r() { echo "${2:-$(inbox "$1")}"; }

declare -A configure write read tags
# Platform services: may only write the inbound exchanges. Nothing to declare, nothing to read.
configure[platform]=''
write[platform]="${C}(ContentUploaded|NoticeFiled|VerdictReached|CounterNoticeFiled|AppealFiled|LegalActionFiled|LegalActionConcluded|NoticeComplaintFiled|NoticeRetracted)"
read[platform]=''
# Reviewer tools: read case announcements into queues of their own, write verdicts.
configure[reviewer]='reviewer-.*'
write[reviewer]="reviewer-.*|${C}VerdictReached"
read[reviewer]="reviewer-.*|${C}(CaseOpened|AppealOpened)"
# Downstream services: read only the command exchanges, into queues of their own.
configure[downstream]='downstream-.*'
write[downstream]='downstream-.*'
read[downstream]="downstream-.*|${C}(RemoveContent|RestrictAccount|RestoreContent)"
# Operators (modctl errors): read the error queues through the management API and AMQP, and move messages back through
# the default exchange. The impersonator tag lets a redrive keep each message's user_id, so a reviewer's verdict stays
# the reviewer's; a redrive never authors a message (see docs/runbooks.md). Since issue 18 it also publishes the two
# overrides, DismissStrike and LiftNotifierSuspension, and no other message of the contract. Nothing to declare.
configure[operator]=''
write[operator]="amq\\.default|${C}(DismissStrike|LiftNotifierSuspension)"
read[operator]='.*_error'
tags[operator]='management,impersonator'

# KEDA (compose/kubernetes) reads queue lengths through the management API, HTTP mode: the monitoring tag lets it
# see every queue's counts; it may not declare, publish or consume anything, here or anywhere. Since issue 19.
configure[keda]=''
write[keda]=''
read[keda]=''
tags[keda]='monitoring'

configure[content-intake]="$(own content-intake)|${C}ContentUploaded|$(send_c case-saga)|${fault}|${bus}"
write[content-intake]="$(own content-intake)|$(send_w case-saga)|${fault}|${bus}"
read[content-intake]="content-intake|${C}ContentUploaded|$(send_r case-saga)|${bus}"

configure[notice-intake]="$(own notice-intake)|${C}(NoticeFiled|NoticeRejected)|$(send_c case-saga)|$(send_c case-saga-priority)|${fault}|${bus}"
write[notice-intake]="$(own notice-intake)|${C}NoticeRejected|$(send_w case-saga)|$(send_w case-saga-priority)|${fault}|${bus}"
read[notice-intake]="notice-intake|${C}NoticeFiled|$(send_r case-saga)|$(send_r case-saga-priority)|${bus}"

# Since issue 18 also notifiers' complaints and retractions; a retraction withdraws a trusted flagger's cases on the priority queue.
redress_in="${C}(CounterNoticeFiled|AppealFiled|LegalActionFiled|LegalActionConcluded|NoticeComplaintFiled|NoticeRetracted)"
redress_own="$(own counter-notices)|$(own appeals)|$(own legal-actions)|$(own legal-action-outcomes)|$(own notice-complaints)|$(own notice-retractions)"
configure[redress]="${redress_own}|${redress_in}|${C}NoticeRetractionRejected|$(send_c case-saga)|$(send_c case-saga-priority)|${fault}|${bus}"
write[redress]="${redress_own}|${C}NoticeRetractionRejected|$(send_w case-saga)|$(send_w case-saga-priority)|${fault}|${bus}"
read[redress]="counter-notices|appeals|legal-actions|legal-action-outcomes|notice-complaints|notice-retractions|${redress_in}|$(send_r case-saga)|$(send_r case-saga-priority)|${bus}"

# Since issue 18 the case-saga role also runs the notice aggregate, on notice-outcomes, which its cases send to.
case_out="${C}(CaseOpened|NoticeRejected|RemoveContent|CaseClosed|RestoreContent|CounterNoticeReceived|CounterNoticeRejected|AppealOpened|AppealRejected|AppealDecided|LegalActionRejected|NoticeDecided|NoticeComplaintRejected)"
case_in="$(inbox case-saga)|$(inbox case-saga-priority)|$(inbox notice-outcomes)"
configure[case-saga]="$(own case-saga)|$(own case-saga-priority)|$(own notice-outcomes)|${case_in}|$(send_c account-strikes)|$(send_c notifier-standing)|${case_out}|${fault}|${bus}"
write[case-saga]="$(own case-saga)|$(own case-saga-priority)|$(own notice-outcomes)|$(inbox notice-outcomes)|$(send_w account-strikes)|$(send_w notifier-standing)|${case_out}|${fault}|${bus}"
read[case-saga]="case-saga|case-saga-priority|notice-outcomes|${case_in}|$(send_r account-strikes)|$(send_r notifier-standing)|${bus}"

# Since issue 20 the verdicts role runs the case saga on its own queue, bound to the VerdictReached exchange: it sends
# and publishes what the case saga does, and declares the queues it sends to, as any sender does.
configure[verdicts]="$(own verdicts)|${C}VerdictReached|$(send_c account-strikes)|$(send_c notifier-standing)|$(send_c notice-outcomes)|${case_out}|${fault}|${bus}"
write[verdicts]="$(own verdicts)|$(send_w account-strikes)|$(send_w notifier-standing)|$(send_w notice-outcomes)|${case_out}|${fault}|${bus}"
read[verdicts]="verdicts|${C}VerdictReached|$(send_r account-strikes)|$(send_r notifier-standing)|$(send_r notice-outcomes)|${bus}"

# Since issue 18 each also takes an operator's override on a queue of its own, and hands it to its saga through the inbox.
notifier_out="${C}(NotifierWarned|NotifierSuspended|NotifierSuspensionLifted|OverrideRejected)"
configure[notifier-standing]="$(own notifier-standing)|$(own notifier-overrides)|$(inbox notifier-standing)|${C}LiftNotifierSuspension|${notifier_out}|${fault}|${bus}"
write[notifier-standing]="$(own notifier-standing)|$(own notifier-overrides)|$(inbox notifier-standing)|${notifier_out}|${fault}|${bus}"
read[notifier-standing]="notifier-standing|notifier-overrides|$(inbox notifier-standing)|${C}LiftNotifierSuspension|${bus}"

account_out="${C}(RestrictAccount|StrikeDismissed|OverrideRejected)"
configure[account-strikes]="$(own account-strikes)|$(own account-overrides)|$(inbox account-strikes)|${C}DismissStrike|${account_out}|${fault}|${bus}"
write[account-strikes]="$(own account-strikes)|$(own account-overrides)|$(inbox account-strikes)|${account_out}|${fault}|${bus}"
read[account-strikes]="account-strikes|account-overrides|$(inbox account-strikes)|${C}DismissStrike|${bus}"

# Since issue 17: reads the commands the workers publish into its own queue, and submits their statements over HTTPS.
tdb_in="${C}(RemoveContent|RestrictAccount|RestoreContent)"
configure[transparency-db]="$(own transparency-db)|${tdb_in}|${fault}|${bus}"
write[transparency-db]="$(own transparency-db)|${fault}|${bus}"
read[transparency-db]="transparency-db|${tdb_in}|${bus}"

configure[timers]="$(send_c case-saga)|${bus}"
write[timers]="$(send_w case-saga)|${bus}"
read[timers]="$(send_r case-saga)|${bus}"

# Since issue 20: a consumer's faults need read too. MassTransit binds the fault exchanges to MassTransit:Fault, and a
# queue's _error and _skipped exchanges to their queues, and a binding needs read on its source exchange. Without it,
# the first message refused before any consumer (ReceiveFault) was refused by the broker instead of dead-lettered.
errors_of() { local q out=""; for q in "$@"; do out+="|${q}_error|${q}_skipped"; done; echo "${out#|}"; }
read[content-intake]+="|${fault}|$(errors_of content-intake)"
read[notice-intake]+="|${fault}|$(errors_of notice-intake)"
read[verdicts]+="|${fault}|$(errors_of verdicts)"
read[redress]+="|${fault}|$(errors_of counter-notices appeals legal-actions legal-action-outcomes notice-complaints notice-retractions)"
read[case-saga]+="|${fault}|$(errors_of case-saga case-saga-priority notice-outcomes)"
read[account-strikes]+="|${fault}|$(errors_of account-strikes account-overrides)"
read[notifier-standing]+="|${fault}|$(errors_of notifier-standing notifier-overrides)"
read[transparency-db]+="|${fault}|$(errors_of transparency-db)"

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
    json password "$password" tags "$6" | curl -fsS -u "$auth" -X PUT -H 'content-type: application/json' "$api/api/users/$user" --data-binary @- >/dev/null
    curl -fsS -u "$auth" -X PUT -H 'content-type: application/json' "$api/api/permissions/$v/$user" \
      -d "$(json configure "$c" write "$w" read "$r")" >/dev/null
  else
    rabbitmqctl add_user "$user" "$password" >/dev/null 2>&1 || rabbitmqctl change_password "$user" "$password" >/dev/null
    rabbitmqctl set_permissions -p "$vhost" "$user" "$c" "$w" "$r" >/dev/null
    rabbitmqctl set_user_tags "$user" ${6//,/ } >/dev/null
  fi
  echo "[broker-users] $user on $vhost: configure $c | write $w | read $r${6:+ | tags $6}"
}

for role in platform reviewer downstream operator keda content-intake notice-intake verdicts redress case-saga account-strikes notifier-standing timers transparency-db; do
  variable="MW_PASSWORD_$(echo "$role" | tr 'a-z-' 'A-Z_')"
  password="${!variable:-${MW_PASSWORD:-}}"
  if [[ -z "$password" && ( "$role" == operator || "$role" == transparency-db || "$role" == keda ) ]]; then
    # Added in issues 14, 17 and 19: deployments that name each role's password are not broken by a user they never asked for.
    echo "[broker-users] $role: skipped, no password (set $variable or MW_PASSWORD to create it)" >&2
    continue
  fi
  if [[ -z "$password" ]]; then
    echo "[broker-users] no password for $role: set $variable or MW_PASSWORD" >&2
    exit 1
  fi
  apply "${prefix}${role}" "$password" "${configure[$role]}" "${write[$role]}" "${read[$role]}" "${tags[$role]:-}"
done
