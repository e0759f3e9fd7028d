/** The whole route table, in the order the OpenAPI document lists it. */
import type { Route } from '../route-table.js';
import { auditRoutes } from './audit.js';
import { changesRoutes } from './changes.js';
import { controlRoutes } from './controls.js';
import { deviceRoutes } from './devices.js';
import { exportRoutes } from './exports.js';
import { findingRoutes } from './findings.js';
import { importRoutes } from './imports.js';
import { liveRoutes } from './live.js';
import { metaRoutes } from './meta.js';
import { segmentationRoutes } from './segmentation.js';
import { sessionRoutes } from './session.js';
import { userRoutes } from './users.js';

export const API_ROUTES: readonly Route[] = [...metaRoutes, ...sessionRoutes, ...deviceRoutes, ...findingRoutes, ...segmentationRoutes, ...changesRoutes, ...exportRoutes, ...importRoutes, ...controlRoutes, ...userRoutes, ...auditRoutes, ...liveRoutes];
