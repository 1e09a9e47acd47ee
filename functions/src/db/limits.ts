/** DynamoDB's limit of items in one TransactWriteItems. */
export const TRANSACTION_ITEMS = 100;
