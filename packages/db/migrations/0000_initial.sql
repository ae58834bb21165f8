CREATE TYPE "public"."agreement_status" AS ENUM('draft', 'proposed', 'agreed', 'settled');--> statement-breakpoint
CREATE TYPE "public"."area_kind" AS ENUM('pc4', 'municipality', 'ggd', 'region');--> statement-breakpoint
CREATE TYPE "public"."benchmark_grouping" AS ENUM('national', 'region', 'collaborative', 'peer-group');--> statement-breakpoint
CREATE TYPE "public"."funding_basis" AS ENUM('capitation', 'availability', 'project', 'fte');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('committed', 'rejected', 'failed');--> statement-breakpoint
CREATE TYPE "public"."kpi_domain" AS ENUM('kwaliteit', 'doelmatigheid', 'toegankelijkheid', 'patientervaring', 'organisatie');--> statement-breakpoint
CREATE TYPE "public"."kpi_kind" AS ENUM('proportion', 'rate', 'ratio', 'mean');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('region', 'collaborative', 'practice', 'insurer', 'partner');--> statement-breakpoint
CREATE TYPE "public"."polarity" AS ENUM('higher', 'lower', 'none');--> statement-breakpoint
CREATE TYPE "public"."quadrant_code" AS ENUM('Q1', 'Q2', 'Q3', 'Q4');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('practice', 'collaborative', 'region', 'insurer', 'admin');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('M', 'F');--> statement-breakpoint
CREATE TABLE "enrolled_population" (
	"practice_id" text NOT NULL,
	"period" text NOT NULL,
	"age_band" text NOT NULL,
	"sex" "sex" NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "enrolled_population_practice_id_period_age_band_sex_pk" PRIMARY KEY("practice_id","period","age_band","sex"),
	CONSTRAINT "enrolled_population_period_valid" CHECK ("enrolled_population"."period" ~ '^[0-9]{4}(-Q[1-4])?$'),
	CONSTRAINT "enrolled_population_count_nonnegative" CHECK ("enrolled_population"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "memberships_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" text NOT NULL,
	"parent_id" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "memberships_member_parent_from_unique" UNIQUE("member_id","parent_id","valid_from"),
	CONSTRAINT "memberships_dates_ordered" CHECK ("memberships"."valid_to" is null or "memberships"."valid_to" >= "memberships"."valid_from"),
	CONSTRAINT "memberships_not_self" CHECK ("memberships"."member_id" <> "memberships"."parent_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"name" text NOT NULL,
	"code_system" text NOT NULL,
	"code" text NOT NULL,
	"quadrant" "quadrant_code",
	"population" integer,
	"disciplines" text[] DEFAULT '{}'::text[] NOT NULL,
	"pc4" char(4),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_code_unique" UNIQUE("code_system","code"),
	CONSTRAINT "organisations_code_valid" CHECK (("organisations"."code_system" = 'AGB' and "organisations"."code" ~ '^[0-9]{8}$' and "organisations"."kind" <> 'insurer')
       or ("organisations"."code_system" = 'UZOVI' and "organisations"."code" ~ '^[0-9]{4}$' and "organisations"."kind" = 'insurer')),
	CONSTRAINT "organisations_quadrant_for_providers" CHECK (("organisations"."kind" = 'insurer') = ("organisations"."quadrant" is null)),
	CONSTRAINT "organisations_population_nonnegative" CHECK ("organisations"."population" is null or "organisations"."population" >= 0)
);
--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"organisation_id" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "user_roles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"role" "role" NOT NULL,
	"organisation_id" text,
	CONSTRAINT "user_roles_unique" UNIQUE("user_id","role","organisation_id"),
	CONSTRAINT "user_roles_scope" CHECK (("user_roles"."role" = 'admin') = ("user_roles"."organisation_id" is null))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lower_case" CHECK ("users"."email" = lower("users"."email") and "users"."email" like '%_@_%')
);
--> statement-breakpoint
CREATE TABLE "benchmarks" (
	"kpi_code" text NOT NULL,
	"period" text NOT NULL,
	"grouping" "benchmark_grouping" NOT NULL,
	"group_id" text DEFAULT '' NOT NULL,
	"unit_count" integer NOT NULL,
	"numerator" double precision NOT NULL,
	"denominator" double precision NOT NULL,
	"expected" double precision,
	"value" double precision NOT NULL,
	"lower95" double precision,
	"upper95" double precision,
	"lower998" double precision,
	"upper998" double precision,
	"percentiles" jsonb,
	"deciles" jsonb,
	"phi" double precision,
	"tau2" double precision,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benchmarks_kpi_code_period_grouping_group_id_pk" PRIMARY KEY("kpi_code","period","grouping","group_id"),
	CONSTRAINT "benchmarks_period_valid" CHECK ("benchmarks"."period" ~ '^[0-9]{4}(-Q[1-4])?$'),
	CONSTRAINT "benchmarks_unit_count_positive" CHECK ("benchmarks"."unit_count" > 0)
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_hash" text NOT NULL,
	"imported_by" integer,
	"organisation_id" text,
	"status" "import_status" NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"imported_count" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_batches_hash_format" CHECK ("import_batches"."content_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "import_batches_counts_nonnegative" CHECK ("import_batches"."row_count" >= 0 and "import_batches"."imported_count" >= 0 and "import_batches"."error_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "kpi_definitions" (
	"code" text PRIMARY KEY NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"domain" "kpi_domain" NOT NULL,
	"kind" "kpi_kind" NOT NULL,
	"polarity" "polarity" NOT NULL,
	"multiplier" double precision NOT NULL,
	"unit" jsonb NOT NULL,
	"numerator" jsonb NOT NULL,
	"denominator" jsonb NOT NULL,
	"min_denominator" double precision NOT NULL,
	"source" jsonb NOT NULL,
	"default_target" double precision,
	"national_reference" double precision,
	"review_date" date NOT NULL,
	"owner_id" text,
	CONSTRAINT "kpi_definitions_code_kind_unique" UNIQUE("code","kind"),
	CONSTRAINT "kpi_definitions_code_format" CHECK ("kpi_definitions"."code" ~ '^[A-Z]{2,4}-[0-9A-Z]{2,6}$'),
	CONSTRAINT "kpi_definitions_multiplier_positive" CHECK ("kpi_definitions"."multiplier" > 0),
	CONSTRAINT "kpi_definitions_min_denominator_nonnegative" CHECK ("kpi_definitions"."min_denominator" >= 0)
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "observations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organisation_id" text NOT NULL,
	"kpi_code" text NOT NULL,
	"kind" "kpi_kind" NOT NULL,
	"period" text NOT NULL,
	"numerator" double precision NOT NULL,
	"denominator" double precision NOT NULL,
	"expected" double precision,
	"sum_squares" double precision,
	"source" text NOT NULL,
	"batch_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"superseded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observations_version_unique" UNIQUE("organisation_id","kpi_code","period","version"),
	CONSTRAINT "observations_period_valid" CHECK ("observations"."period" ~ '^[0-9]{4}(-Q[1-4])?$'),
	CONSTRAINT "observations_version_positive" CHECK ("observations"."version" >= 1),
	CONSTRAINT "observations_numerator_nonnegative" CHECK ("observations"."numerator" >= 0),
	CONSTRAINT "observations_denominator_positive" CHECK ("observations"."denominator" > 0),
	CONSTRAINT "observations_proportion_within_denominator" CHECK ("observations"."kind" <> 'proportion' or "observations"."numerator" <= "observations"."denominator"),
	CONSTRAINT "observations_expected_for_ratio" CHECK ("observations"."kind" <> 'ratio' or ("observations"."expected" is not null and "observations"."expected" > 0)),
	CONSTRAINT "observations_finite" CHECK ("observations"."numerator" <> 'Infinity'::float8 and "observations"."denominator" <> 'Infinity'::float8)
);
--> statement-breakpoint
CREATE TABLE "peer_group_members" (
	"peer_group_id" integer NOT NULL,
	"organisation_id" text NOT NULL,
	CONSTRAINT "peer_group_members_peer_group_id_organisation_id_pk" PRIMARY KEY("peer_group_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "peer_groups" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "peer_groups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_clauses" (
	"agreement_id" text NOT NULL,
	"version" integer NOT NULL,
	"clause_id" text NOT NULL,
	"kpi_code" text NOT NULL,
	"target" double precision NOT NULL,
	"threshold" double precision,
	"weight" double precision NOT NULL,
	"scoring" text NOT NULL,
	"evidence" text NOT NULL,
	CONSTRAINT "agreement_clauses_agreement_id_version_clause_id_pk" PRIMARY KEY("agreement_id","version","clause_id"),
	CONSTRAINT "agreement_clauses_weight_range" CHECK ("agreement_clauses"."weight" >= 0 and "agreement_clauses"."weight" <= 1),
	CONSTRAINT "agreement_clauses_threshold_differs" CHECK ("agreement_clauses"."threshold" is null or "agreement_clauses"."threshold" <> "agreement_clauses"."target")
);
--> statement-breakpoint
CREATE TABLE "agreement_co_insurers" (
	"agreement_id" text NOT NULL,
	"version" integer NOT NULL,
	"insurer_id" text NOT NULL,
	"share" double precision NOT NULL,
	CONSTRAINT "agreement_co_insurers_agreement_id_version_insurer_id_pk" PRIMARY KEY("agreement_id","version","insurer_id"),
	CONSTRAINT "agreement_co_insurers_share_range" CHECK ("agreement_co_insurers"."share" > 0 and "agreement_co_insurers"."share" < 1)
);
--> statement-breakpoint
CREATE TABLE "agreement_lines" (
	"agreement_id" text NOT NULL,
	"version" integer NOT NULL,
	"line_id" text NOT NULL,
	"title_code" text NOT NULL,
	"tariff_cents" bigint NOT NULL,
	"volume" double precision,
	CONSTRAINT "agreement_lines_agreement_id_version_line_id_pk" PRIMARY KEY("agreement_id","version","line_id"),
	CONSTRAINT "agreement_lines_tariff_nonnegative" CHECK ("agreement_lines"."tariff_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "agreement_versions" (
	"agreement_id" text NOT NULL,
	"version" integer NOT NULL,
	"status" "agreement_status" NOT NULL,
	"period_start" text NOT NULL,
	"period_end" text NOT NULL,
	"at_risk_share" double precision NOT NULL,
	"document" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_versions_agreement_id_version_pk" PRIMARY KEY("agreement_id","version"),
	CONSTRAINT "agreement_versions_version_positive" CHECK ("agreement_versions"."version" >= 1),
	CONSTRAINT "agreement_versions_period_start_valid" CHECK ("agreement_versions"."period_start" ~ '^[0-9]{4}(-Q[1-4])?$'),
	CONSTRAINT "agreement_versions_period_end_valid" CHECK ("agreement_versions"."period_end" ~ '^[0-9]{4}(-Q[1-4])?$'),
	CONSTRAINT "agreement_versions_period_ordered" CHECK ("agreement_versions"."period_start" <= "agreement_versions"."period_end"),
	CONSTRAINT "agreement_versions_at_risk_share" CHECK ("agreement_versions"."at_risk_share" >= 0 and "agreement_versions"."at_risk_share" <= 1)
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" text PRIMARY KEY NOT NULL,
	"insurer_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"status" "agreement_status" DEFAULT 'draft' NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_parties_differ" CHECK ("agreements"."insurer_id" <> "agreements"."organisation_id")
);
--> statement-breakpoint
CREATE TABLE "payment_titles" (
	"code" text PRIMARY KEY NOT NULL,
	"quadrant" "quadrant_code" NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"description" jsonb NOT NULL,
	"basis" "funding_basis" NOT NULL,
	"result_obligation" jsonb NOT NULL,
	"named_in_source" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "settlements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"agreement_id" text NOT NULL,
	"agreement_version" integer NOT NULL,
	"period" text NOT NULL,
	"settlement_version" integer DEFAULT 1 NOT NULL,
	"frozen" boolean DEFAULT false NOT NULL,
	"input_fingerprint" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"explanation" jsonb NOT NULL,
	"total_cents" bigint NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"frozen_at" timestamp with time zone,
	CONSTRAINT "settlements_version_unique" UNIQUE("agreement_id","period","settlement_version"),
	CONSTRAINT "settlements_period_valid" CHECK ("settlements"."period" ~ '^[0-9]{4}(-Q[1-4])?$'),
	CONSTRAINT "settlements_fingerprint_format" CHECK ("settlements"."input_fingerprint" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "settlements_frozen_at" CHECK ("settlements"."frozen" = ("settlements"."frozen_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "basic_functions" (
	"region_id" text NOT NULL,
	"function_code" text NOT NULL,
	"status" text NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"agreement_id" text,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	CONSTRAINT "basic_functions_region_id_function_code_pk" PRIMARY KEY("region_id","function_code"),
	CONSTRAINT "basic_functions_status" CHECK ("basic_functions"."status" in ('missing', 'in-progress', 'organised')),
	CONSTRAINT "basic_functions_code" CHECK ("basic_functions"."function_code" in ('acute', 'night', 'peak-load', 'complex-cases', 'coordination', 'client-support'))
);
--> statement-breakpoint
CREATE TABLE "ggd_regions" (
	"name" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "municipalities_code_format" CHECK ("municipalities"."code" ~ '^GM[0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "pc4_areas" (
	"pc4" char(4) PRIMARY KEY NOT NULL,
	"municipality_code" text NOT NULL,
	"ggd_region" text NOT NULL,
	"inhabitants" integer NOT NULL,
	CONSTRAINT "pc4_areas_format" CHECK ("pc4_areas"."pc4" ~ '^[1-9][0-9]{3}$'),
	CONSTRAINT "pc4_areas_inhabitants_nonnegative" CHECK ("pc4_areas"."inhabitants" >= 0)
);
--> statement-breakpoint
CREATE TABLE "regional_facts" (
	"area_kind" "area_kind" NOT NULL,
	"area_code" text NOT NULL,
	"indicator" text NOT NULL,
	"period" text NOT NULL,
	"stratum" text DEFAULT '' NOT NULL,
	"value" double precision NOT NULL,
	"denominator" double precision,
	"source" text NOT NULL,
	"batch_id" integer,
	CONSTRAINT "regional_facts_area_kind_area_code_indicator_period_stratum_pk" PRIMARY KEY("area_kind","area_code","indicator","period","stratum"),
	CONSTRAINT "regional_facts_period_valid" CHECK ("regional_facts"."period" ~ '^[0-9]{4}(-Q[1-4])?$'),
	CONSTRAINT "regional_facts_denominator_positive" CHECK ("regional_facts"."denominator" is null or "regional_facts"."denominator" > 0)
);
--> statement-breakpoint
CREATE TABLE "service_areas" (
	"organisation_id" text NOT NULL,
	"pc4" char(4) NOT NULL,
	CONSTRAINT "service_areas_organisation_id_pc4_pk" PRIMARY KEY("organisation_id","pc4")
);
--> statement-breakpoint
ALTER TABLE "enrolled_population" ADD CONSTRAINT "enrolled_population_practice_id_organisations_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_member_id_organisations_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmarks" ADD CONSTRAINT "benchmarks_kpi_code_kpi_definitions_code_fk" FOREIGN KEY ("kpi_code") REFERENCES "public"."kpi_definitions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_definitions" ADD CONSTRAINT "kpi_definitions_owner_id_organisations_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_kpi_fk" FOREIGN KEY ("kpi_code","kind") REFERENCES "public"."kpi_definitions"("code","kind") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_group_members" ADD CONSTRAINT "peer_group_members_peer_group_id_peer_groups_id_fk" FOREIGN KEY ("peer_group_id") REFERENCES "public"."peer_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_group_members" ADD CONSTRAINT "peer_group_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_groups" ADD CONSTRAINT "peer_groups_owner_id_organisations_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_clauses" ADD CONSTRAINT "agreement_clauses_kpi_code_kpi_definitions_code_fk" FOREIGN KEY ("kpi_code") REFERENCES "public"."kpi_definitions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_clauses" ADD CONSTRAINT "agreement_clauses_version_fk" FOREIGN KEY ("agreement_id","version") REFERENCES "public"."agreement_versions"("agreement_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_co_insurers" ADD CONSTRAINT "agreement_co_insurers_insurer_id_organisations_id_fk" FOREIGN KEY ("insurer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_co_insurers" ADD CONSTRAINT "agreement_co_insurers_version_fk" FOREIGN KEY ("agreement_id","version") REFERENCES "public"."agreement_versions"("agreement_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_lines" ADD CONSTRAINT "agreement_lines_title_code_payment_titles_code_fk" FOREIGN KEY ("title_code") REFERENCES "public"."payment_titles"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_lines" ADD CONSTRAINT "agreement_lines_version_fk" FOREIGN KEY ("agreement_id","version") REFERENCES "public"."agreement_versions"("agreement_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_insurer_id_organisations_id_fk" FOREIGN KEY ("insurer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_agreement_version_fk" FOREIGN KEY ("agreement_id","agreement_version") REFERENCES "public"."agreement_versions"("agreement_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "basic_functions" ADD CONSTRAINT "basic_functions_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "basic_functions" ADD CONSTRAINT "basic_functions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "basic_functions" ADD CONSTRAINT "basic_functions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc4_areas" ADD CONSTRAINT "pc4_areas_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc4_areas" ADD CONSTRAINT "pc4_areas_ggd_region_ggd_regions_name_fk" FOREIGN KEY ("ggd_region") REFERENCES "public"."ggd_regions"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_facts" ADD CONSTRAINT "regional_facts_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_areas" ADD CONSTRAINT "service_areas_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_areas" ADD CONSTRAINT "service_areas_pc4_pc4_areas_pc4_fk" FOREIGN KEY ("pc4") REFERENCES "public"."pc4_areas"("pc4") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrolled_population_period_idx" ON "enrolled_population" USING btree ("period");--> statement-breakpoint
CREATE INDEX "memberships_parent_idx" ON "memberships" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "memberships_member_idx" ON "memberships" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "organisations_kind_idx" ON "organisations" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_organisation_idx" ON "audit_log" USING btree ("organisation_id","at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "benchmarks_group_idx" ON "benchmarks" USING btree ("grouping","group_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "import_batches_committed_hash_unique" ON "import_batches" USING btree ("kind","content_hash") WHERE "import_batches"."status" = 'committed';--> statement-breakpoint
CREATE INDEX "import_batches_created_idx" ON "import_batches" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "observations_current_unique" ON "observations" USING btree ("organisation_id","kpi_code","period") WHERE "observations"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "observations_kpi_period_current_idx" ON "observations" USING btree ("kpi_code","period") WHERE "observations"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "observations_batch_idx" ON "observations" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "agreement_clauses_kpi_idx" ON "agreement_clauses" USING btree ("kpi_code");--> statement-breakpoint
CREATE INDEX "agreement_co_insurers_insurer_idx" ON "agreement_co_insurers" USING btree ("insurer_id");--> statement-breakpoint
CREATE INDEX "agreement_lines_title_idx" ON "agreement_lines" USING btree ("title_code");--> statement-breakpoint
CREATE INDEX "agreements_insurer_idx" ON "agreements" USING btree ("insurer_id");--> statement-breakpoint
CREATE INDEX "agreements_organisation_idx" ON "agreements" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "pc4_areas_municipality_idx" ON "pc4_areas" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "regional_facts_indicator_idx" ON "regional_facts" USING btree ("indicator","period");--> statement-breakpoint
CREATE INDEX "service_areas_pc4_idx" ON "service_areas" USING btree ("pc4");