// ESLint: the usual JavaScript/TypeScript and React hooks checks, plus the import boundaries
// of the SPA's layout (shared → features → app, no import cycles). `npm run lint` allows no
// warnings.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Every folder under src/features: one feature each. Read here so a new feature is covered. */
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const boundaries = [
  // A feature uses its own files and shared code only; what two features need lives in
  // src/lib (logic, API queries) or src/components (UI).
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: `src/features/${feature} must not import another feature: move what both need to src/lib or src/components.`,
  })),
  {
    target: ['./src/lib', './src/components'],
    from: ['./src/features', './src/app'],
    message: 'Shared code (src/lib, src/components) must not import features or the app shell.',
  },
];

/** Tests may render with the app's own providers (src/app/providers.tsx); nothing else of the app. */
const appShell = {
  target: './src/features',
  from: './src/app',
  message: 'Features must not import the app shell (src/app); the app imports features.',
};
const TESTS = ['src/**/*.test.{ts,tsx}', 'src/test/**'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'src/lib/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'import-x': importX },
    extends: [reactHooks.configs.flat.recommended],
    settings: {
      // How import-x reads the files it follows (for no-cycle), and how it resolves `@/…`.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.app.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...boundaries, appShell] }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: TESTS,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { zones: [...boundaries, { ...appShell, except: ['./providers.tsx'] }] },
      ],
    },
  },
  {
    files: ['*.{js,ts}', 'scripts/**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
);
