import { afterAll } from 'vitest';
import { removeTempDirs } from './test-db';

afterAll(removeTempDirs);
