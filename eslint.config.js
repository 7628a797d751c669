import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.devcluster/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `const { dropped, ...rest } = object` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Typed JSON helpers (`json<T>(path)`) name the type the caller expects from the wire.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      // client-node's models are classes, but the API takes plain objects of their shape.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // A promise nobody handles is an unhandled rejection, and Node exits on one: an apiserver
      // outage once ended the process through `void accessCheck().then(...)`. `void` is no
      // handling: every promise is awaited, returned, or given a `.catch`. Tests register with
      // node:test's describe/it, which return promises the runner awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          ignoreVoid: false,
          allowForKnownSafeCalls: [
            {
              from: 'package',
              name: ['it', 'describe', 'test', 'before', 'after', 'beforeEach', 'afterEach'],
              package: 'node:test',
            },
          ],
        },
      ],
    },
  },
  {
    // The web app: the rules of hooks (with the React Compiler's checks) and accessibility of the JSX.
    files: ['web/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended, jsxA11y.flatConfigs.strict],
    rules: {
      // A missed dependency is a stale closure, not a style choice: fail the lint rather than warn.
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
);
