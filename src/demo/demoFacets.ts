import type { CategoryKey } from '../domain/categories.ts';
import type { TransportMode } from '../domain/transportModes.ts';

/**
 * Kinds of activity a site hosts, derived from its modes. A site mixes the facets of all its
 * modes; `drone` is added near the Shenzhen River land crossings.
 */
export type DemoFacet = 'air' | 'sea' | 'ferry' | 'road' | 'bridge' | 'pedestrian' | 'rail' | 'postal' | 'drone';

/** How records at a facet look: which transport modes and categories, how far they scatter. */
export interface DemoFacetProfile {
  /** Relative weights of the record's transport mode. */
  modes: Partial<Record<TransportMode, number>>;
  /** Relative weights of categories before the per-mode tilt of {@link DEMO_MODE_TILTS}. */
  categories: Record<CategoryKey, number>;
  /** Standard deviation of the scatter around the site point, metres per axis. */
  scatterMetres: number;
  /** Relative volume of records at a site whose first mode is this facet. */
  activity: number;
}

/**
 * Category and mode mix per facet, after the threats the agencies name: narcotics heavy at
 * airports and in the post, tobacco and parallel-trading (水客) at land crossings, strategic
 * minerals and counterfeits at container ports, currency on foot and by ferry, firearms rare.
 */
export const DEMO_FACETS: Readonly<Record<DemoFacet, DemoFacetProfile>> = {
  air: {
    modes: { air: 45, passenger: 30, postal: 14, ecommerce: 11 },
    categories: {
      narcotics: 30, tobacco: 8, strategic_minerals: 1, endangered_species: 12, counterfeit: 9, currency: 6,
      firearms: 1, food_safety: 4, alien_species: 5, smuggled_goods: 14, other: 10,
    },
    scatterMetres: 900,
    activity: 3,
  },
  sea: {
    modes: { sea: 80, ecommerce: 10, postal: 3, vehicle: 7 },
    categories: {
      narcotics: 6, tobacco: 10, strategic_minerals: 18, endangered_species: 10, counterfeit: 20, currency: 1,
      firearms: 1.5, food_safety: 10, alien_species: 8, smuggled_goods: 12, other: 3.5,
    },
    scatterMetres: 800,
    activity: 2,
  },
  ferry: {
    modes: { passenger: 75, sea: 25 },
    categories: {
      narcotics: 10, tobacco: 14, strategic_minerals: 1, endangered_species: 6, counterfeit: 6, currency: 12,
      firearms: 1, food_safety: 4, alien_species: 3, smuggled_goods: 36, other: 7,
    },
    scatterMetres: 200,
    activity: 1.2,
  },
  road: {
    modes: { vehicle: 70, land: 30 },
    categories: {
      narcotics: 5, tobacco: 28, strategic_minerals: 2, endangered_species: 4, counterfeit: 7, currency: 8,
      firearms: 1, food_safety: 12, alien_species: 6, smuggled_goods: 22, other: 5,
    },
    scatterMetres: 300,
    activity: 2.5,
  },
  bridge: {
    modes: { vehicle: 80, land: 20 },
    categories: {
      narcotics: 5, tobacco: 24, strategic_minerals: 3, endangered_species: 4, counterfeit: 9, currency: 7,
      firearms: 1, food_safety: 12, alien_species: 6, smuggled_goods: 24, other: 5,
    },
    scatterMetres: 350,
    activity: 2,
  },
  pedestrian: {
    modes: { passenger: 85, land: 15 },
    categories: {
      narcotics: 6, tobacco: 30, strategic_minerals: 0.5, endangered_species: 3, counterfeit: 6, currency: 12,
      firearms: 0.5, food_safety: 6, alien_species: 3, smuggled_goods: 28, other: 5,
    },
    scatterMetres: 200,
    activity: 2.5,
  },
  rail: {
    modes: { rail: 55, passenger: 45 },
    categories: {
      narcotics: 10, tobacco: 20, strategic_minerals: 1, endangered_species: 4, counterfeit: 6, currency: 10,
      firearms: 0.5, food_safety: 5, alien_species: 3, smuggled_goods: 30, other: 10,
    },
    scatterMetres: 250,
    activity: 1,
  },
  postal: {
    modes: { postal: 55, ecommerce: 45 },
    categories: {
      narcotics: 35, tobacco: 6, strategic_minerals: 1, endangered_species: 8, counterfeit: 18, currency: 2,
      firearms: 1, food_safety: 5, alien_species: 6, smuggled_goods: 10, other: 8,
    },
    scatterMetres: 500,
    activity: 1.5,
  },
  drone: {
    modes: { low_altitude: 1 },
    categories: {
      narcotics: 2, tobacco: 12, strategic_minerals: 0, endangered_species: 0, counterfeit: 3, currency: 0,
      firearms: 0, food_safety: 2, alien_species: 0, smuggled_goods: 78, other: 3,
    },
    scatterMetres: 1200,
    activity: 0.5,
  },
};

/**
 * Multipliers on a facet's category weights once the record's transport mode is known, e.g. a
 * parcel (postal, e-commerce) is far likelier to hold drugs or fakes than cash. Missing = 1.
 */
export const DEMO_MODE_TILTS: Readonly<Partial<Record<TransportMode, Partial<Record<CategoryKey, number>>>>> = {
  postal: {
    narcotics: 1.8, counterfeit: 1.6, endangered_species: 1.2, tobacco: 0.6, currency: 0.15, firearms: 0.8,
    strategic_minerals: 0.3, food_safety: 0.8, alien_species: 1.6, smuggled_goods: 0.7,
  },
  ecommerce: {
    narcotics: 1.3, counterfeit: 2.2, alien_species: 1.8, food_safety: 1.3, currency: 0.1, tobacco: 0.8,
    strategic_minerals: 0.3,
  },
  passenger: { currency: 1.6, strategic_minerals: 0.2, counterfeit: 0.8, food_safety: 0.8 },
  vehicle: { food_safety: 1.3, tobacco: 1.2, smuggled_goods: 1.2, currency: 0.8 },
  land: { food_safety: 1.5, alien_species: 1.3, strategic_minerals: 1.2 },
  sea: { strategic_minerals: 1.4, counterfeit: 1.2, currency: 0.3 },
  air: { endangered_species: 1.3, strategic_minerals: 0.8, currency: 0.5 },
};

/** The facet a site mode stands for (reference or TransportMode vocabulary), or null if unknown. */
export function demoFacetOfSiteMode(mode: string): DemoFacet | null {
  switch (mode.trim().toLowerCase()) {
    case 'air':
      return 'air';
    case 'sea':
      return 'sea';
    case 'ferry':
      return 'ferry';
    case 'road':
    case 'vehicle':
    case 'land':
      return 'road';
    case 'bridge':
      return 'bridge';
    case 'pedestrian':
    case 'passenger':
      return 'pedestrian';
    case 'rail':
      return 'rail';
    case 'postal':
    case 'ecommerce':
      return 'postal';
    case 'low_altitude':
      return 'drone';
    default:
      return null;
  }
}
