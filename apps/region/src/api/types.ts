import type { Api, Ok } from './client';

/** Response bodies of the typed client, by route: the API's schemas are the one source of truth. */
type Body<F extends (...args: never[]) => Promise<unknown>> = Ok<Awaited<ReturnType<F>>>;

type Regions = Api['regions'][':id'];
export type Kpi = Body<Api['kpis']['$get']>[number];
export type PaymentTitle = Body<Api['payment-titles']['$get']>[number];
export type ComparisonGrid = Body<Regions['comparison']['$get']>;
export type GridRow = ComparisonGrid['rows'][number];
export type GridCell = GridRow['cells'][number];
export type Funnel = Body<Api['kpis'][':code']['funnel']['$get']>;
export type Grouping = Funnel['grouping'];
export type Picture = Body<Regions['picture']['$get']>;
export type PictureArea = Picture['areas'][number];
export type Projection = Body<Regions['projection']['$get']>;
export type BasicFunction = Body<Regions['basic-functions']['$get']>[number];
export type BasicFunctionCode = BasicFunction['functionCode'];
export type Development = Body<Regions['development']['$get']>;
export type PeerGroup = Body<Regions['peer-groups']['$get']>[number];
export type KpiDomain = Kpi['domain'];
