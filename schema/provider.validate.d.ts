import type { ErrorObject } from "ajv";

/** The validator compiled from provider.schema.json; `errors` holds the last call's violations. */
declare const validate: {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
};
export default validate;
