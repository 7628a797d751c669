// The check of an instance's input values is shared with the browser's start form, so both say the
// same about the same values: @argovue/api-types/service-inputs.
export {
  checkInputs,
  problemWith,
  type InputCheck,
  type InputProblem,
} from '@argovue/api-types/service-inputs';
