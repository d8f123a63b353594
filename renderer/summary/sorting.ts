/** A table's order: by the column `key`, ascending unless `descending`. */
export interface Sorting {
  readonly key: string;
  readonly descending: boolean;
}
