// ESLint (flat config): TypeScript, React hooks, accessibility of JSX, and the one-way imports
// between the app's layers: routes → models → utils (README, "Folder layout").
import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/** An import-path pattern for a folder of the app, by alias (`~/models/…`) or relative (`../models/…`). */
const layer = (folder) => `(^~/${folder}/|^(\\.{1,2}/)+${folder}/|/app/${folder}/)`

const restrict = (...rules) => ['error', { patterns: rules.map(([folder, message]) => ({ regex: layer(folder), message })) }]

const NO_ROUTES = ['routes', 'Nothing imports a route module: move what is shared into app/models or app/utils.']
const NO_MODELS = ['models', 'app/utils is below app/models: pass what you need in, or move the code to the model.']
const NO_COMPONENTS = ['components', 'Models and utils do not render: keep React components to routes and components.']
const NO_GENERATED = ['generated', 'Only app/utils/db.server.ts (Prisma) and app/utils/sql.server.ts (Kysely) import the generated code; import types from there.']

export default tseslint.config(
  { ignores: ['build/**', 'public/build/**', 'app/generated/**', 'node_modules/**', 'tests/.tmp/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `role` on our own components (e.g. <NextVisit role="volunteer">) is a prop, not ARIA.
      'jsx-a11y/aria-role': ['error', { ignoreNonDOM: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // The React Compiler rules in react-hooks 7 judge code written for the compiler; this app does not use it.
      'react-hooks/refs': 'off',
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/purity': 'off',
      'react-hooks/immutability': 'off',
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'emails/**/*.{ts,tsx}'],
    // Tests may call routes' loaders and actions directly.
    ignores: ['**/*.test.{ts,tsx}', 'app/utils/db.server.ts', 'app/utils/sql.server.ts'],
    rules: { 'no-restricted-imports': restrict(NO_ROUTES, NO_GENERATED) },
  },
  {
    files: ['app/models/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(NO_ROUTES, NO_COMPONENTS, NO_GENERATED) },
  },
  {
    files: ['app/utils/**/*.{ts,tsx}', 'emails/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', 'app/utils/db.server.ts', 'app/utils/sql.server.ts'],
    rules: { 'no-restricted-imports': restrict(NO_ROUTES, NO_MODELS, NO_COMPONENTS, NO_GENERATED) },
  },
  {
    files: ['app/utils/db.server.ts', 'app/utils/sql.server.ts'],
    rules: { 'no-restricted-imports': restrict(NO_ROUTES, NO_MODELS, NO_COMPONENTS) },
  },
)
