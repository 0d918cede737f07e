export declare function supportUrl(value: string | undefined): string;
