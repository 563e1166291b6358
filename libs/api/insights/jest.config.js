import { libJestConfig } from '../../../jest.preset.mjs';

export default libJestConfig(new URL('.', import.meta.url).pathname);
