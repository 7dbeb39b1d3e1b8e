/** Every migration, in order. Append only: never edit one that has shipped. */
import { migration001 } from './001-initial';
import { migration002 } from './002-template-reviews';
import { migration003 } from './003-application-id';
import { migration004 } from './004-audit-log';
import { migration005 } from './005-accounts';
import { migration006 } from './006-procedure-day';
import { migration007 } from './007-signed-notes';
import { migration008 } from './008-note-exports-outbox';
import { migration009 } from './009-patient-search-fts';
import { migration010 } from './010-follow-ups';
import { migration011 } from './011-bleeding-risk-raises';
import { migration012 } from './012-injectate-plan';
import { migration013 } from './013-bundled-template-versions';
import { migration014 } from './014-fact-review-comments';
import { migration015 } from './015-signing-keys';
import { migration016 } from './016-records-role-follow-up-plans';
import { migration017 } from './017-patient-facts';
import { migration018 } from './018-day-teams';
import { migration019 } from './019-provider-identity-visit';
import { migration020 } from './020-delivery-queue';
import { migration021 } from './021-appointments';
import { migration022 } from './022-patient-intakes';
import { migration023 } from './023-patient-language';
import { migration024 } from './024-signed-note-storage';
import { migration025 } from './025-patient-detail-changes';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013, migration014, migration015, migration016, migration017, migration018, migration019, migration020, migration021, migration022, migration023, migration024, migration025];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
